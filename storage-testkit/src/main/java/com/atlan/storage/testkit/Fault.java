package com.atlan.storage.testkit;

import java.util.Arrays;
import java.util.Locale;

/** A fault the proxy can inject into one request. Each has a short id used in profiles and statistics. */
public enum Fault {
    /** Answers 503 SlowDown (Azure: ServerBusy) with {@code Retry-After}, without forwarding the request. */
    SLOW_DOWN_503("503", Scope.STATUS),
    /** Answers 500 InternalError without forwarding the request. */
    INTERNAL_ERROR_500("500", Scope.STATUS),
    /** Answers 429 TooManyRequests with {@code Retry-After}, without forwarding the request. */
    TOO_MANY_REQUESTS_429("429", Scope.STATUS),
    /** Resets the client's connection (TCP RST) after reading the request head; nothing reaches the server. */
    RESET_BEFORE("reset-before", Scope.ANY),
    /** Forwards part of the request body, then resets both connections. Only requests with a body. */
    RESET_MID_REQUEST("reset-request", Scope.REQUEST_BODY),
    /** Forwards the response head and part of its body, then resets the client's connection (not on HEAD, PUT, DELETE). */
    RESET_MID_RESPONSE("reset-response", Scope.RESPONSE_BODY),
    /** Forwards the response head (Content-Length kept) and part of its body, then closes cleanly (FIN). */
    TRUNCATE_RESPONSE("truncate", Scope.RESPONSE_BODY),
    /** Holds the response for the plan's stall time: mid-body, or before the head when there is no body. */
    STALL("stall", Scope.ANY),
    /** Flips one byte of the response body; length and headers stay as they were. */
    FLIP_RESPONSE_BYTE("flip", Scope.RESPONSE_BODY),
    /** Flips one byte of the request body on its way to the server. Only requests with a body. */
    FLIP_REQUEST_BYTE("flip-request", Scope.REQUEST_BODY);

    /** Where a fault acts, which decides the requests it can apply to. */
    enum Scope {
        STATUS,
        ANY,
        REQUEST_BODY,
        RESPONSE_BODY
    }

    private final String id;
    private final Scope scope;

    Fault(String id, Scope scope) {
        this.id = id;
        this.scope = scope;
    }

    /** The short id: {@code 503}, {@code reset-before}, {@code truncate}, {@code flip}... */
    public String id() {
        return id;
    }

    Scope scope() {
        return scope;
    }

    /** Whether the fault is an answer the proxy gives itself instead of forwarding. */
    public boolean isStatus() {
        return scope == Scope.STATUS;
    }

    /** The HTTP status of a {@link #isStatus() status} fault. */
    int status() {
        return switch (this) {
            case SLOW_DOWN_503 -> 503;
            case INTERNAL_ERROR_500 -> 500;
            case TOO_MANY_REQUESTS_429 -> 429;
            default -> throw new IllegalStateException(id + " is not a status fault");
        };
    }

    /** Whether the fault can act on a request of {@code kind} that has ({@code hasRequestBody}) a body or not. */
    boolean appliesTo(RequestKind kind, boolean hasRequestBody) {
        return switch (scope) {
            case STATUS, ANY -> true;
            case REQUEST_BODY -> hasRequestBody;
            // S3 and Azure answer HEAD, PUT and DELETE with no body: a body fault would find nothing to act on
            case RESPONSE_BODY -> kind != RequestKind.HEAD && kind != RequestKind.PUT && kind != RequestKind.DELETE;
        };
    }

    /** The fault with this id (case-insensitive). */
    public static Fault ofId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + id + "'; known: "
                        + String.join(
                                ", ", Arrays.stream(values()).map(Fault::id).toList())));
    }
}
