package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectInfo;
import java.util.List;

/**
 * One page of a ListObjectsV2 listing, whichever client fetched it, as the server sent it.
 *
 * @param objects   the objects
 * @param folders   the common prefixes (with a delimiter)
 * @param truncated whether the server said more pages follow ({@code IsTruncated})
 * @param nextToken the continuation token it gave for the next page, or {@code null}
 */
record ListPage(List<ObjectInfo> objects, List<String> folders, boolean truncated, String nextToken) {}
