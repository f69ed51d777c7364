/**
 * A small HTTP/1.1 client for the S3 lean path: keep-alive connections over blocking sockets driven from virtual
 * threads ({@link com.atlan.storage.s3.http.HttpConnectionPool}), directly or through an HTTP proxy, with bounded
 * response heads, stale connections probed before reuse or re-sent on a new connection, {@code Expect: 100-continue}
 * for large bodies and a watchdog for writes the server stopped reading. It knows nothing of S3: signing and mapping
 * answers are the callers'.
 */
package com.atlan.storage.s3.http;
