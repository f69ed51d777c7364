package com.atlan.storage.s3;

/**
 * Runs clean-up requests (aborting an upload, deleting a bad copy) on a thread that may have been interrupted: a
 * virtual thread's socket calls fail at once while its interrupt flag is set, so the flag is cleared for the request
 * and set again after it.
 */
final class Uninterrupted {

    private Uninterrupted() {}

    static void run(Runnable request) {
        boolean interrupted = Thread.interrupted();
        try {
            request.run();
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
