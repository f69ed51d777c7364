package com.atlan.storage.testkit;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Draws the fault for each request from the plan's seed and the request's identity (method, target with
 * server-chosen upload ids blanked, and how many times that request was seen before), never from arrival order.
 */
final class FaultDecider {

    /**
     * A fault chosen for one request.
     *
     * @param fault      the fault
     * @param position   where in a body it acts, as a fraction of the first block of body bytes, in [0, 1)
     * @param flipMask   the non-zero mask XORed into a flipped byte
     * @param occurrence the request's occurrence number
     */
    record Decision(Fault fault, double position, byte flipMask, int occurrence) {}

    private final FaultPlan plan;
    private final ConcurrentHashMap<String, Integer> seen = new ConcurrentHashMap<>();

    FaultDecider(FaultPlan plan) {
        this.plan = plan;
    }

    /** The fault for this request, or {@code null} to forward it untouched. */
    Decision decide(RequestKind kind, String method, String target, boolean hasRequestBody) {
        double p = plan.probability(kind);
        if (p <= 0 || !plan.injectsFaults()) {
            return null;
        }
        String identity = method + ' ' + withoutUploadId(target);
        int occurrence = seen.merge(identity, 1, Integer::sum);
        SplittableRandom random = new SplittableRandom(mix(plan.seed(), fnv64(identity), occurrence));
        if (random.nextDouble() >= p) {
            return null;
        }
        double total = 0;
        for (Fault f : Fault.values()) {
            if (f.appliesTo(kind, hasRequestBody)) {
                total += plan.weight(f);
            }
        }
        if (total <= 0) {
            return null;
        }
        double pick = random.nextDouble() * total;
        Fault chosen = null;
        for (Fault f : Fault.values()) {
            if (f.appliesTo(kind, hasRequestBody) && plan.weight(f) > 0) {
                chosen = f;
                pick -= plan.weight(f);
                if (pick < 0) {
                    break;
                }
            }
        }
        return new Decision(chosen, random.nextDouble(), (byte) (1 + random.nextInt(255)), occurrence);
    }

    /** S3 upload ids (and Azure has none in the path) differ between runs; the rest of a target does not. */
    static String withoutUploadId(String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return target;
        }
        StringBuilder out = new StringBuilder(target.length()).append(target, 0, q + 1);
        String[] parameters = target.substring(q + 1).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(parameters[i].startsWith("uploadId=") ? "uploadId=" : parameters[i]);
        }
        return out.toString();
    }

    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long seed, long identity, int occurrence) {
        long z = seed * 0x9E3779B97F4A7C15L + identity;
        z ^= occurrence * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
