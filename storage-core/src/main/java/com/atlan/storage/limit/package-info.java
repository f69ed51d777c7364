/**
 * Limits on what a run asks of the stores, as rclone's {@code --bwlimit} and {@code --tpslimit} set them: {@link
 * com.atlan.storage.limit.TransferLimits} (a value in the options), {@link
 * com.atlan.storage.limit.BandwidthSchedule} (a rate or a timetable) and {@link com.atlan.storage.limit.Throttle},
 * which wraps stores in decorators that wait for a token bucket before each request and each chunk of bytes.
 */
package com.atlan.storage.limit;
