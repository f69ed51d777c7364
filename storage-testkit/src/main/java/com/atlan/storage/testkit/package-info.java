/**
 * Test support for every module: {@link com.atlan.storage.testkit.FaultProxy}, a deterministic fault-injecting
 * HTTP/1.1 proxy that sits between a client and a real server (S3Proxy, Azurite) on loopback, and its standalone
 * entry point {@link com.atlan.storage.testkit.FaultProxyMain} for benchmarks and command-line tests.
 *
 * <p>The proxy forwards bytes as they are (headers, signatures and bodies untouched) and, per request and by
 * seed, answers an error itself, resets or truncates a connection, stalls, flips a byte, delays every request
 * (latency mode) or throttles above a request rate. Every injected fault is recorded so a test can assert on it.
 */
package com.atlan.storage.testkit;
