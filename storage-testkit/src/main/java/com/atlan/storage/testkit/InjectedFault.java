package com.atlan.storage.testkit;

/**
 * One fault the proxy injected (or one request it throttled).
 *
 * @param sequence   order of injection across the proxy's life, from 1
 * @param kind       the request's kind
 * @param method     the request's method
 * @param target     the request's target (path and query)
 * @param fault      what was done
 * @param occurrence how many times the proxy had seen this method and target, this one included
 * @param throttled  whether the fault came from the rate limit rather than the fault plan
 */
public record InjectedFault(
        long sequence,
        RequestKind kind,
        String method,
        String target,
        Fault fault,
        int occurrence,
        boolean throttled) {}
