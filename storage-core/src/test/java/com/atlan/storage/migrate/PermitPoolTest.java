package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PermitPoolTest {

    @Test
    void aLimitLoweredWhileTransfersRunAdmitsNoneUntilFewerRunAndARaisedOneAdmitsAtOnce() throws Exception {
        PermitPool pool = new PermitPool(2);
        pool.acquire();
        pool.acquire();
        pool.resize(1);
        pool.release();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                pool.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(waiting).as("one runs, the limit is one").isNotDone();
        pool.resize(2);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(pool.inUse()).isEqualTo(2);
        assertThat(pool.limit()).isEqualTo(2);
    }

    @Test
    void aWaitingTransferLendsItsPermitAndTakesItBackAheadOfNewOnes() throws Exception {
        PermitPool pool = new PermitPool(1);
        pool.acquire();
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch endWait = new CountDownLatch(1);
        CompletableFuture<Void> sleeper = CompletableFuture.runAsync(() -> uninterrupted(() -> pool.lendWhile(() -> {
            waiting.countDown();
            endWait.await();
        })));
        waiting.await(10, TimeUnit.SECONDS);
        assertThat(pool.inUse()).as("the sleeper's permit is lent back").isZero();

        pool.acquire(); // the permit the sleeper lent: a new transfer runs while it waits
        endWait.countDown();
        CompletableFuture<Void> newcomer = CompletableFuture.runAsync(() -> uninterrupted(pool::acquire));
        Thread.sleep(200);
        assertThat(sleeper).as("the limit is one and it is taken").isNotDone();
        pool.release();
        sleeper.get(10, TimeUnit.SECONDS);
        assertThat(newcomer).as("the returning transfer went first").isNotDone();
        pool.release();
        newcomer.get(10, TimeUnit.SECONDS);
        assertThat(pool.inUse()).isEqualTo(1);
    }

    @Test
    void anInterruptedReturnStillHoldsAPermitSoItsReleaseBalances() throws Exception {
        PermitPool pool = new PermitPool(1);
        pool.acquire();
        Thread returner = Thread.ofVirtual().start(() -> {
            try {
                pool.lendWhile(() -> pool.acquire()); // someone else takes the permit while this one waits
            } catch (InterruptedException e) {
                pool.release();
            }
        });
        while (returner.getState() != Thread.State.WAITING || pool.inUse() != 1) {
            Thread.sleep(10);
        }
        returner.interrupt();
        returner.join(10_000);
        assertThat(pool.inUse())
                .as("the interrupted returner released what it held")
                .isEqualTo(1);
    }

    private interface Blocking {
        void run() throws InterruptedException;
    }

    private static void uninterrupted(Blocking action) {
        try {
            action.run();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new PermitPool(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PermitPool(1).release()).isInstanceOf(IllegalStateException.class);
    }
}
