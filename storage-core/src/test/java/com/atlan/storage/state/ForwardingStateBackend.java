package com.atlan.storage.state;

import java.util.List;
import java.util.Optional;

/** Delegates every call to another state backend; tests override the calls they want to disturb. */
public class ForwardingStateBackend implements StateBackend {

    protected final StateBackend delegate;

    public ForwardingStateBackend(StateBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public boolean durable() {
        return delegate.durable();
    }

    @Override
    public Optional<StateEntry> get(String key) {
        return delegate.get(key);
    }

    @Override
    public Optional<String> put(String key, String value, Condition condition) {
        return delegate.put(key, value, condition);
    }

    @Override
    public boolean delete(String key, Condition condition) {
        return delegate.delete(key, condition);
    }

    @Override
    public List<String> keys(String prefix) {
        return delegate.keys(prefix);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
