package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
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
    void refusesNonsense() {
        assertThatThrownBy(() -> new PermitPool(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PermitPool(1).release()).isInstanceOf(IllegalStateException.class);
    }
}
