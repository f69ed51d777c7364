package com.atlan.storage.s3;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An {@link S3Client} that builds the real one, with its HTTP client, on its first call. With the lean
 * path on, most runs never make an SDK call (listing, GET, PUT, parts and copies all go the lean way), and
 * building an SDK client costs about a tenth of a second of start-up per store.
 */
final class LazyS3Client implements InvocationHandler, AutoCloseable {

    private final Supplier<S3ClientFactory.Clients> factory;
    private final S3Client proxy;
    private S3ClientFactory.Clients clients;
    private boolean closed;

    LazyS3Client(Supplier<S3ClientFactory.Clients> factory) {
        this.factory = factory;
        this.proxy = (S3Client)
                Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, this);
    }

    /** The client to call; the real one is built on the first call through it. */
    S3Client client() {
        return proxy;
    }

    /** Whether the real client has been built, for tests. */
    synchronized boolean built() {
        return clients != null;
    }

    private synchronized S3Client real() {
        if (closed) throw new IllegalStateException("the S3 client is closed");
        if (clients == null) clients = factory.get();
        return clients.s3();
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // a proxy is equal only to itself
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> self == args[0]; // a proxy equals only itself
                case "hashCode" -> System.identityHashCode(self);
                default -> "LazyS3Client[built=" + built() + "]";
            };
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            close();
            return null;
        }
        try {
            return method.invoke(real(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (clients != null) clients.close();
    }
}
