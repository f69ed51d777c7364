package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.state.memory.InMemoryStateBackend;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The state store contract on {@code state.in-memory}: every store of one component name shares the values. */
class InMemoryStateStoreTest extends StateStoreContract {

    private final String component = "statestore-" + UUID.randomUUID();

    @Override
    protected StateBackend open() {
        return InMemoryStateBackend.named(component);
    }

    @Override
    protected StateBackend broken() {
        StateBackend closed = InMemoryStateBackend.named(component);
        closed.close();
        return closed;
    }

    @Test
    void keepsNothingBeyondTheProcessSoIsNotDurable() {
        assertThat(open().durable()).isFalse();
    }
}
