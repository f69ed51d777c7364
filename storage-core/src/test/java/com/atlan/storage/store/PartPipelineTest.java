package com.atlan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PartPipelineTest {

    private static final StoreErrors ERRORS = new StoreErrors("store", "bucket 'b'") {};

    private static PartPipeline pipeline(int concurrency) {
        return new PartPipeline(concurrency, ERRORS, "uploading", "key", PartPipeline::rethrown);
    }

    @Test
    void readsTheSourceInPartsAndReturnsTheirResultsInPartOrder() {
        byte[] data = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        ByteBudget budget = new ByteBudget(12, 4);

        List<String> parts = pipeline(3)
                .upload(
                        new ByteArrayInputStream(data),
                        10,
                        4,
                        budget,
                        (index, buffer, size) -> index + ":" + Arrays.toString(Arrays.copyOf(buffer, size)));

        assertThat(parts).containsExactly("0:[0, 1, 2, 3]", "1:[4, 5, 6, 7]", "2:[8, 9]");
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void theFirstFailingPartFailsTheWriteStopsLaterPartsAndGivesEveryBufferBack() {
        // room for every part, so a buffer not given back shows in inUse() instead of blocking the test
        ByteBudget budget = new ByteBudget(40, 4);
        AtomicInteger started = new AtomicInteger();
        IllegalStateException refused = new IllegalStateException("part 1 refused");

        assertThatThrownBy(() -> pipeline(1)
                        .upload(new ByteArrayInputStream(new byte[40]), 40, 4, budget, (index, buffer, size) -> {
                            started.incrementAndGet();
                            if (index == 1) {
                                throw refused;
                            }
                            return index;
                        }))
                .isSameAs(refused);
        // one part at a time: at most the failing part's successor was read before the failure was seen
        assertThat(started.get()).isLessThanOrEqualTo(3);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aSourceThatEndsEarlyFailsTheWriteAsAnIntegrityError() {
        ByteBudget budget = new ByteBudget(8, 4);

        assertThatThrownBy(() -> pipeline(2)
                        .upload(new ByteArrayInputStream(new byte[6]), 10, 4, budget, (index, buffer, size) -> index))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("source ended after 6 of 10 bytes");
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void runsPartsWithoutBuffersInOrderAndMapsTheirFailures() {
        assertThat(pipeline(4).run(5, index -> index * 10)).containsExactly(0, 10, 20, 30, 40);

        PartPipeline mapped = new PartPipeline(
                2, ERRORS, "copying", "key", cause -> new TransientStorageException("store", "key", "mapped", cause));
        assertThatThrownBy(() -> mapped.run(3, index -> {
                    if (index == 2) {
                        throw new IllegalArgumentException("no");
                    }
                    return index;
                }))
                .isInstanceOf(TransientStorageException.class)
                .hasMessage("mapped");
    }

    @Test
    void anInterruptedWriterFailsTransientlyAndKeepsItsInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pipeline(1).run(3, index -> index))
                    .isInstanceOf(TransientStorageException.class)
                    .hasMessageContaining("was interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
