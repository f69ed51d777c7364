package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectInfo;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * One page of a ListObjectsV2 listing, whichever client fetched it.
 *
 * @param objects   the objects, in key order
 * @param folders   the common prefixes (with a delimiter), in key order
 * @param nextToken the continuation token of the next page, or {@code null} on the last page
 */
record ListPage(List<ObjectInfo> objects, List<String> folders, String nextToken) {

    /** A page from the SDK's response. */
    static ListPage of(ListObjectsV2Response response) {
        String token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        return new ListPage(
                response.contents().stream()
                        .map(o -> new ObjectInfo(
                                o.key(), o.size() == null ? 0 : o.size(), o.lastModified(), Md5.unquote(o.eTag())))
                        .toList(),
                response.commonPrefixes().stream().map(CommonPrefix::prefix).toList(),
                token);
    }
}
