/**
 * Comparing what a prefix selects in two stores, copying nothing: {@link com.atlan.storage.verify.Verifier} reads
 * both sides by their flat listings ({@link com.atlan.storage.store.Backend#listFlat}), so a check never shares the
 * code path whose answer it checks, and reports a {@link com.atlan.storage.verify.VerificationReport}.
 */
package com.atlan.storage.verify;
