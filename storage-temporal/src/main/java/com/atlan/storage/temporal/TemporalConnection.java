package com.atlan.storage.temporal;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A client connection to a Temporal frontend at {@code HOST:PORT}, checked when opened: {@link #open} answers only
 * once the server has answered a first call, so a wrong address fails at once with a message naming it instead of
 * later, deep inside a worker or a workflow start.
 */
public final class TemporalConnection implements AutoCloseable {

    /**
     * How long the first call may take: the SDK's own 5 s is too little for a busy machine. A refused connection
     * fails at once; only an address that drops packets waits this long.
     */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final String target;
    private final String namespace;
    private final WorkflowServiceStubs service;
    private final WorkflowClient client;

    private TemporalConnection(String target, String namespace, WorkflowServiceStubs service) {
        this.target = target;
        this.namespace = namespace;
        this.service = service;
        this.client = WorkflowClient.newInstance(
                service,
                WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    }

    /** Connects to {@code target} ({@code HOST:PORT}) for {@code namespace}, waiting at most the default timeout. */
    public static TemporalConnection open(String target, String namespace) {
        return open(target, namespace, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Connects to {@code target} ({@code HOST:PORT}) for {@code namespace}.
     *
     * @throws TemporalUnreachableException when the server does not answer within {@code timeout}
     * @throws IllegalArgumentException     when {@code target} is not {@code HOST:PORT}
     */
    public static TemporalConnection open(String target, String namespace, Duration timeout) {
        if (target == null || !target.matches("[^\\s:/]+:\\d{1,5}")) {
            throw new IllegalArgumentException(
                    "the Temporal address must be HOST:PORT (e.g. localhost:7233), not '" + target + "'");
        }
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target)
                .setSystemInfoTimeout(timeout)
                .build());
        try {
            var unused = service.blockingStub()
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        } catch (StatusRuntimeException e) {
            service.shutdownNow();
            throw new TemporalUnreachableException(target, e);
        }
        return new TemporalConnection(target, namespace, service);
    }

    /** The address connected to. */
    public String target() {
        return target;
    }

    /** The namespace the client works in. */
    public String namespace() {
        return namespace;
    }

    /** The service stubs. */
    public WorkflowServiceStubs service() {
        return service;
    }

    /** A client for the namespace. */
    public WorkflowClient client() {
        return client;
    }

    /** Disconnects. */
    @Override
    public void close() {
        service.shutdown();
        if (!service.awaitTermination(5, TimeUnit.SECONDS)) {
            service.shutdownNow();
        }
    }

    /** The Temporal server at an address did not answer. */
    public static final class TemporalUnreachableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String target;

        TemporalUnreachableException(String target, StatusRuntimeException cause) {
            super(
                    "cannot reach Temporal at " + target + ": " + reason(cause)
                            + " (check the address and that the server is running)",
                    cause);
            this.target = target;
        }

        /** The address that did not answer. */
        public String target() {
            return target;
        }

        private static String reason(StatusRuntimeException e) {
            String reason = e.getStatus().getCode().name();
            Throwable root = e.getCause();
            while (root != null && root.getCause() != null) {
                root = root.getCause();
            }
            if (root != null && root.getMessage() != null) {
                return reason + ", " + root.getMessage();
            }
            String description = e.getStatus().getDescription();
            return description == null ? reason : reason + ", " + description;
        }
    }
}
