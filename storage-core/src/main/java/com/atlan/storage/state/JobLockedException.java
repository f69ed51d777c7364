package com.atlan.storage.state;

/** Another run of the same migration job holds its lock; the message says who and since when. */
public final class JobLockedException extends StateException {

    private final transient JobLease holder;

    JobLockedException(String message, JobLease holder) {
        super(message, null);
        this.holder = holder;
    }

    /** The lease of the run that holds the lock. */
    public JobLease holder() {
        return holder;
    }
}
