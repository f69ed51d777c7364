package com.atlan.storage.testkit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Copies one message body from a connection to another as it is framed (fixed length, chunked, until close),
 * optionally disturbed once by a {@link Tamper}. Chunk framing is relayed verbatim.
 */
final class BodyRelay {

    private static final int BUFFER = 64 * 1024;

    /**
     * Where and how to disturb a body. The position is a fraction of the body's first block: the whole body when
     * its length is known, else its first chunk, else its first read.
     *
     * @param fault       a cutting fault (reset or truncate: stop relaying there), a flip, or a stall
     * @param position    in [0, 1)
     * @param flipMask    XORed into the byte at the position, for a flip
     * @param stallMillis how long to hold the body at the position, for a stall
     */
    record Tamper(Fault fault, double position, byte flipMask, long stallMillis) {
        boolean cuts() {
            return fault == Fault.RESET_MID_REQUEST
                    || fault == Fault.RESET_MID_RESPONSE
                    || fault == Fault.TRUNCATE_RESPONSE;
        }
    }

    /**
     * What happened to a body.
     *
     * @param tampered whether the tamper acted (a body without bytes leaves nothing to tamper with)
     * @param cut      whether relaying stopped early (a cutting tamper); the rest of the body was not read
     */
    record Result(boolean tampered, boolean cut) {}

    private BodyRelay() {}

    /** Relays the body framed as {@code framing} from {@code in} to {@code out}, then flushes. */
    static Result relay(InputStream in, OutputStream out, BodyFraming framing, Tamper tamper) throws IOException {
        State state = new State(tamper);
        switch (framing.kind()) {
            case NONE -> {
                // nothing to relay
            }
            case FIXED -> copy(in, out, framing.length(), state);
            case CHUNKED -> chunked(in, out, state);
            case UNTIL_CLOSE -> untilClose(in, out, state);
        }
        out.flush();
        return new Result(state.applied, state.cut);
    }

    /** Reads and discards the body. */
    static void drain(InputStream in, BodyFraming framing) throws IOException {
        relay(in, OutputStream.nullOutputStream(), framing, null);
    }

    /** The tamper's progress over one body. */
    private static final class State {
        final Tamper tamper;
        boolean blockSeen;
        boolean applied;
        boolean cut;

        State(Tamper tamper) {
            this.tamper = tamper;
        }

        /** The tamper's offset in a block of {@code n} bytes, or -1 when it acts elsewhere or has acted. */
        long positionIn(long n) {
            if (tamper == null || blockSeen || n <= 0) {
                return -1;
            }
            blockSeen = true;
            return Math.min(n - 1, (long) Math.floor(tamper.position() * n));
        }
    }

    /** Copies exactly {@code count} bytes, tampering at the position the first block resolves to. */
    private static void copy(InputStream in, OutputStream out, long count, State state) throws IOException {
        long at = state.positionIn(count);
        byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(count, 1))];
        long done = 0;
        while (done < count) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, count - done));
            if (n < 0) {
                throw new EOFException("body ended after " + done + " of " + count + " bytes");
            }
            if (at >= done && at < done + n) {
                int i = (int) (at - done);
                if (!act(buffer, i, n, out, state)) {
                    return;
                }
            } else {
                out.write(buffer, 0, n);
            }
            done += n;
            if (in.available() == 0) {
                out.flush();
            }
        }
    }

    /** Applies the tamper at {@code buffer[i]} of a read of {@code n} bytes; false when the body was cut there. */
    private static boolean act(byte[] buffer, int i, int n, OutputStream out, State state) throws IOException {
        Tamper t = state.tamper;
        state.applied = true;
        switch (t.fault()) {
            case FLIP_RESPONSE_BYTE, FLIP_REQUEST_BYTE -> {
                buffer[i] ^= t.flipMask();
                out.write(buffer, 0, n);
                return true;
            }
            case STALL -> {
                out.write(buffer, 0, i);
                out.flush();
                sleep(t.stallMillis());
                out.write(buffer, i, n - i);
                return true;
            }
            default -> {
                if (!t.cuts()) {
                    throw new IllegalStateException(t.fault().id() + " does not act on a body");
                }
                out.write(buffer, 0, i);
                out.flush();
                state.cut = true;
                return false;
            }
        }
    }

    private static void chunked(InputStream in, OutputStream out, State state) throws IOException {
        while (true) {
            String sizeLine = MessageHead.readLine(in, false);
            long size = chunkSize(sizeLine);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (size == 0) {
                for (String trailer = MessageHead.readLine(in, false);
                        !trailer.isEmpty();
                        trailer = MessageHead.readLine(in, false)) {
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write('\r');
                out.write('\n');
                return;
            }
            copy(in, out, size, state);
            if (state.cut) {
                return;
            }
            String end = MessageHead.readLine(in, false);
            if (!end.isEmpty()) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
            out.write('\r');
            out.write('\n');
        }
    }

    private static long chunkSize(String line) throws ProtocolException {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new ProtocolException("negative chunk size " + hex);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad chunk size line '" + line + "'");
        }
    }

    private static void untilClose(InputStream in, OutputStream out, State state) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            long at = state.positionIn(n);
            if (at >= 0) {
                if (!act(buffer, (int) at, n, out, state)) {
                    return;
                }
            } else {
                out.write(buffer, 0, n);
            }
            if (in.available() == 0) {
                out.flush();
            }
        }
    }

    static void sleep(long millis) throws InterruptedIOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while holding a message");
        }
    }
}
