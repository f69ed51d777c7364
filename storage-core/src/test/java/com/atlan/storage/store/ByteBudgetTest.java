package com.atlan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ByteBudgetTest {

    @Test
    void takeWaitsUntilEnoughIsGivenBack() throws Exception {
        ByteBudget budget = new ByteBudget(100, 40);
        byte[] a = budget.take(40);
        byte[] b = budget.take(40);

        CompletableFuture<byte[]> third = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.take(40);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(third).isNotDone();

        budget.give(a);
        assertThat(third.get(5, TimeUnit.SECONDS)).isSameAs(a);
        assertThat(budget.peakInUse()).isEqualTo(80);
        budget.give(b);
        budget.give(third.get());
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void idleBuffersAreGivenUpForOtherSizes() throws Exception {
        ByteBudget budget = new ByteBudget(100, 40);
        budget.give(budget.take(40));
        budget.give(budget.take(40));

        byte[] big = budget.take(90);

        assertThat(big).hasSize(90);
        assertThat(budget.inUse()).isEqualTo(90);
    }

    @Test
    void aBufferLargerThanTheBudgetTakesTheWholeBudget() throws Exception {
        ByteBudget budget = new ByteBudget(100, 40);
        byte[] huge = budget.take(150);

        assertThat(budget.inUse()).isEqualTo(100);
        budget.give(huge);
        assertThat(budget.inUse()).isZero();
    }
}
