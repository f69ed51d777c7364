package com.atlan.storage.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection and the server connection that mirrors it: requests are relayed one at a time (keep-alive
 * kept), the request body on its own thread so that {@code Expect: 100-continue} and early answers work as they
 * would without the proxy. When the server closes, the client's connection closes too, as if there were no proxy.
 */
final class ProxyConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ProxyConnection.class);
    private static final int BUFFER = 64 * 1024;

    private final FaultProxy proxy;
    private final Socket client;
    private final InputStream clientIn;
    private final OutputStream clientOut;
    private Socket upstream;
    private InputStream upstreamIn;
    private OutputStream upstreamOut;
    private boolean continued;

    ProxyConnection(FaultProxy proxy, Socket client) throws IOException {
        this.proxy = proxy;
        this.client = client;
        client.setTcpNoDelay(true);
        this.clientIn = new BufferedInputStream(client.getInputStream(), BUFFER);
        this.clientOut = new BufferedOutputStream(client.getOutputStream(), BUFFER);
    }

    @Override
    public void run() {
        try {
            while (exchange()) {
                // next request on the same connection
            }
        } catch (IOException | RuntimeException e) {
            log.debug("connection from {} ended: {}", client.getRemoteSocketAddress(), e.toString());
        } finally {
            proxy.close(client);
            proxy.close(upstream);
        }
    }

    /** Relays one request and its response; false when the connection is to close. */
    private boolean exchange() throws IOException {
        MessageHead request = MessageHead.read(clientIn);
        if (request == null) {
            return false;
        }
        boolean clientCloses = request.hasToken("Connection", "close") || request.isHttp10();
        if (request.target().equals(FaultProxy.STATS_PATH)) {
            clientOut.write(proxy.statsResponse(clientCloses));
            clientOut.flush();
            return !clientCloses;
        }
        BodyFraming requestBody = BodyFraming.ofRequest(request);
        String method = request.method();
        RequestKind kind = RequestKind.classify(
                method,
                request.target(),
                request.header("x-amz-copy-source") != null || request.header("x-ms-copy-source") != null);
        FaultProxy.Setup setup = proxy.setup();
        long id = proxy.counted(kind);
        BodyRelay.sleep(setup.plan().delay().toMillis());

        if (!setup.admit()) {
            proxy.record(kind, request, Fault.SLOW_DOWN_503, 0, true);
            return answer(request, requestBody, Fault.SLOW_DOWN_503, clientCloses, setup, id);
        }
        FaultDecider.Decision decision = setup.decider().decide(kind, method, request.target(), requestBody.present());
        Fault fault = decision == null ? null : decision.fault();
        if (fault != null && fault.isStatus()) {
            proxy.record(kind, request, fault, decision.occurrence(), false);
            return answer(request, requestBody, fault, clientCloses, setup, id);
        }
        if (fault == Fault.RESET_BEFORE) {
            proxy.record(kind, request, fault, decision.occurrence(), false);
            FaultProxy.reset(client);
            return false;
        }
        if (!connectUpstream()) {
            FaultProxy.reset(client);
            return false;
        }
        upstreamOut.write(request.encode());
        upstreamOut.flush();
        RequestPump pump = null;
        if (requestBody.present()) {
            boolean requestFault = fault == Fault.RESET_MID_REQUEST || fault == Fault.FLIP_REQUEST_BYTE;
            pump = new RequestPump(kind, request, requestBody, requestFault ? decision : null, setup);
            Thread.ofVirtual().name("faultproxy-request-body").start(pump);
        }
        continued = false;
        boolean keepAlive = relayResponse(kind, request, decision, setup);
        if (pump != null) {
            boolean bodyWithheld = request.hasToken("Expect", "100-continue") && !continued;
            if (bodyWithheld || !pump.finished()) {
                return false; // answered before the body was sent (or the body broke): the connection is spent
            }
        }
        return keepAlive && !clientCloses;
    }

    /** Relays interim (1xx) responses and the final one; false when the connection is to close. */
    private boolean relayResponse(
            RequestKind kind, MessageHead request, FaultDecider.Decision decision, FaultProxy.Setup setup)
            throws IOException {
        while (true) {
            MessageHead response = MessageHead.read(upstreamIn);
            if (response == null) {
                return false; // the server closed without answering: so does the client's connection
            }
            int status = response.status();
            if (status >= 100 && status < 200 && status != 101) {
                clientOut.write(response.encode());
                clientOut.flush();
                continued = true;
                continue;
            }
            BodyFraming body = BodyFraming.ofResponse(response, request.method());
            BodyRelay.Tamper tamper = responseTamper(decision, setup);
            if (tamper != null && tamper.fault() == Fault.STALL && !body.present()) {
                BodyRelay.sleep(tamper.stallMillis());
                proxy.record(kind, request, Fault.STALL, decision.occurrence(), false);
                tamper = null;
            }
            clientOut.write(response.encode());
            BodyRelay.Result result = BodyRelay.relay(upstreamIn, clientOut, body, tamper);
            note(result, tamper, kind, request, decision);
            if (result.cut()) {
                if (tamper.fault() == Fault.RESET_MID_RESPONSE) {
                    FaultProxy.reset(client);
                } else {
                    client.shutdownOutput(); // truncated: a clean end of stream, Content-Length unkept
                }
                return false;
            }
            return !response.hasToken("Connection", "close")
                    && !response.isHttp10()
                    && body.kind() != BodyFraming.Kind.UNTIL_CLOSE;
        }
    }

    /** Records a body fault that acted, or counts one that found no bytes to act on. */
    private void note(
            BodyRelay.Result result,
            BodyRelay.Tamper tamper,
            RequestKind kind,
            MessageHead request,
            FaultDecider.Decision decision) {
        if (result.tampered()) {
            proxy.record(kind, request, tamper.fault(), decision.occurrence(), false);
        } else if (tamper != null) {
            proxy.notApplicable();
        }
    }

    private static BodyRelay.Tamper responseTamper(FaultDecider.Decision decision, FaultProxy.Setup setup) {
        if (decision == null) {
            return null;
        }
        return switch (decision.fault()) {
            case RESET_MID_RESPONSE, TRUNCATE_RESPONSE, FLIP_RESPONSE_BYTE, STALL -> tamper(decision, setup);
            default -> null;
        };
    }

    private static BodyRelay.Tamper tamper(FaultDecider.Decision decision, FaultProxy.Setup setup) {
        return new BodyRelay.Tamper(
                decision.fault(),
                decision.position(),
                decision.flipMask(),
                setup.plan().stall().toMillis());
    }

    /** Answers a status fault itself; the request's body is read first unless the client waits for 100 Continue. */
    private boolean answer(
            MessageHead request, BodyFraming body, Fault fault, boolean clientCloses, FaultProxy.Setup setup, long id)
            throws IOException {
        boolean unread = body.present() && request.hasToken("Expect", "100-continue");
        if (body.present() && !unread) {
            BodyRelay.drain(clientIn, body);
        }
        boolean close = clientCloses || unread;
        clientOut.write(ErrorResponses.answer(fault, request, setup.plan().retryAfter(), close, id));
        clientOut.flush();
        return !close;
    }

    private boolean connectUpstream() {
        if (upstream != null) {
            return true;
        }
        try {
            Socket socket = proxy.connectTarget();
            upstream = socket;
            upstreamIn = new BufferedInputStream(socket.getInputStream(), BUFFER);
            upstreamOut = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
            return true;
        } catch (IOException e) {
            log.debug("cannot reach {}: {}", proxy.target(), e.toString());
            return false;
        }
    }

    /** Copies one request body to the server, applying a request-body fault. */
    private final class RequestPump implements Runnable {
        private final RequestKind kind;
        private final MessageHead request;
        private final BodyFraming body;
        private final FaultDecider.Decision decision;
        private final FaultProxy.Setup setup;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean complete;

        RequestPump(
                RequestKind kind,
                MessageHead request,
                BodyFraming body,
                FaultDecider.Decision decision,
                FaultProxy.Setup setup) {
            this.kind = kind;
            this.request = request;
            this.body = body;
            this.decision = decision;
            this.setup = setup;
        }

        @Override
        public void run() {
            try {
                BodyRelay.Tamper tamper = decision == null ? null : tamper(decision, setup);
                BodyRelay.Result result = BodyRelay.relay(clientIn, upstreamOut, body, tamper);
                note(result, tamper, kind, request, decision);
                if (result.cut()) {
                    FaultProxy.reset(upstream);
                    FaultProxy.reset(client);
                } else {
                    complete = true;
                }
            } catch (IOException | RuntimeException e) {
                log.debug("request body from {} broke: {}", client.getRemoteSocketAddress(), e.toString());
                proxy.close(upstream);
            } finally {
                done.countDown();
            }
        }

        /** Whether the whole body went through (waiting a moment for the last write to be noted). */
        boolean finished() {
            try {
                return done.await(1, TimeUnit.SECONDS) && complete;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
