package com.atlan.storage.listing;

import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@link ObjectInfo}s to the sorted runs of an {@link ExternalSorter} and reads them back unchanged. */
final class ObjectInfoCodec {

    private ObjectInfoCodec() {}

    static void write(DataOutputStream out, ObjectInfo o) throws IOException {
        string(out, o.key());
        out.writeLong(o.size());
        Instant modified = o.lastModified();
        out.writeBoolean(modified != null);
        if (modified != null) {
            out.writeLong(modified.getEpochSecond());
            out.writeInt(modified.getNano());
        }
        nullable(out, o.etag());
        out.writeByte(o.hashes().kinds().size());
        for (HashKind kind : o.hashes().kinds()) {
            string(out, kind.name());
            string(out, o.hashes().get(kind).orElseThrow());
        }
        ObjectMetadata m = o.metadata();
        out.writeBoolean(m != null);
        if (m != null) {
            nullable(out, m.contentType());
            nullable(out, m.contentEncoding());
            nullable(out, m.contentDisposition());
            nullable(out, m.contentLanguage());
            nullable(out, m.cacheControl());
            out.writeInt(m.user().size());
            for (Map.Entry<String, String> e : m.user().entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
        }
    }

    /** The next object, or {@code null} at the end of the run. */
    static ObjectInfo read(DataInputStream in) throws IOException {
        String key;
        try {
            key = string(in);
        } catch (EOFException end) {
            return null;
        }
        long size = in.readLong();
        Instant modified = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
        String etag = nullable(in);
        Hashes hashes = Hashes.none();
        for (int i = in.readUnsignedByte(); i > 0; i--) {
            hashes = hashes.with(HashKind.valueOf(string(in)), string(in));
        }
        ObjectMetadata metadata = null;
        if (in.readBoolean()) {
            String type = nullable(in);
            String encoding = nullable(in);
            String disposition = nullable(in);
            String language = nullable(in);
            String cache = nullable(in);
            Map<String, String> user = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                user.put(string(in), string(in));
            }
            metadata = new ObjectMetadata(type, encoding, disposition, language, cache, user);
        }
        return new ObjectInfo(key, size, modified, etag, hashes, metadata);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }
}
