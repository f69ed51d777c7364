/**
 * Which objects a command works on: {@link com.atlan.storage.filter.ObjectFilter} by key globs with rclone's rules
 * ({@link com.atlan.storage.filter.KeyGlob}), size and age, and the parsers for sizes
 * ({@link com.atlan.storage.filter.SizeSuffix}) and ages ({@link com.atlan.storage.filter.AgeSpec}) the command line
 * and configuration share. The engine applies a filter to the source listing before planning.
 */
package com.atlan.storage.filter;
