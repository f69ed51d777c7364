package com.atlan.storage.listing;

import com.atlan.storage.store.ObjectInfo;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Sorts a listing of any size by key with bounded memory: objects are held in memory up to {@code runSize}; past
 * that each full buffer is sorted and written to a run file in a temporary folder, and {@link #sorted()} merges the
 * runs (a k-way merge holding one object and one small buffer per run). With the default run size of
 * {@value #DEFAULT_RUN_SIZE}, 10^7 keys take 100 runs and tens of megabytes of heap. {@link #close()} deletes the
 * folder.
 */
public final class ExternalSorter implements AutoCloseable {

    /** Objects held in memory before a sorted run is written to disk. */
    public static final int DEFAULT_RUN_SIZE = 100_000;

    private static final int RUN_BUFFER_BYTES = 16 * 1024;

    private final Comparator<String> order;
    private final int runSize;
    private final Path tempParent;
    private final List<Path> runs = new ArrayList<>();
    private final List<DataInputStream> readers = new ArrayList<>();
    private List<ObjectInfo> buffer = new ArrayList<>();
    private Path folder;

    /**
     * A sorter by {@code order} holding {@code runSize} objects in memory, writing runs under {@code tempParent}
     * ({@code null}: the system's temporary folder).
     */
    public ExternalSorter(Comparator<String> order, int runSize, Path tempParent) {
        if (runSize < 1) {
            throw new IllegalArgumentException("runSize must be >= 1, not " + runSize);
        }
        this.order = order;
        this.runSize = runSize;
        this.tempParent = tempParent;
    }

    /** Adds an object. */
    public void add(ObjectInfo object) {
        buffer.add(object);
        if (buffer.size() >= runSize) {
            spill();
        }
    }

    /** Runs written to disk so far. */
    public int runs() {
        return runs.size();
    }

    /** Everything added, in order; call once, after the last {@link #add}. */
    public Iterator<ObjectInfo> sorted() {
        Comparator<ObjectInfo> byKey = Comparator.comparing(ObjectInfo::key, order);
        if (runs.isEmpty()) {
            buffer.sort(byKey);
            Iterator<ObjectInfo> inMemory = buffer.iterator();
            buffer = new ArrayList<>();
            return inMemory;
        }
        if (!buffer.isEmpty()) {
            spill();
        }
        buffer = List.of();
        return new Merge(byKey);
    }

    /** {@link #sorted()} as a stream that deletes the runs when closed. */
    public Stream<ObjectInfo> sortedStream() {
        Iterator<ObjectInfo> it = sorted();
        return Stream.iterate(it, Iterator::hasNext, i -> i).map(Iterator::next).onClose(this::close);
    }

    private void spill() {
        buffer.sort(Comparator.comparing(ObjectInfo::key, order));
        try {
            if (folder == null) {
                folder = tempParent == null
                        ? Files.createTempDirectory("atlan-storage-sort-")
                        : Files.createTempDirectory(tempParent, "atlan-storage-sort-");
            }
            Path run = folder.resolve("run-" + runs.size());
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), RUN_BUFFER_BYTES))) {
                for (ObjectInfo o : buffer) {
                    ObjectInfoCodec.write(out, o);
                }
            }
            runs.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sorted run of a listing under " + folder, e);
        }
        buffer = new ArrayList<>();
    }

    @Override
    public void close() {
        for (DataInputStream reader : readers) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // deleting the file below is what matters
            }
        }
        readers.clear();
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the sorted runs in " + folder, e);
        }
        folder = null;
    }

    /** Merges the runs: the smallest head of all runs comes next. */
    private final class Merge implements Iterator<ObjectInfo> {
        private record Head(ObjectInfo object, DataInputStream run) {}

        private final PriorityQueue<Head> heads;

        Merge(Comparator<ObjectInfo> byKey) {
            heads = new PriorityQueue<>(Math.max(1, runs.size()), (a, b) -> byKey.compare(a.object(), b.object()));
            try {
                for (Path run : runs) {
                    DataInputStream in =
                            new DataInputStream(new BufferedInputStream(Files.newInputStream(run), RUN_BUFFER_BYTES));
                    readers.add(in);
                    push(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sorted runs in " + folder, e);
            }
        }

        private void push(DataInputStream run) throws IOException {
            ObjectInfo next = ObjectInfoCodec.read(run);
            if (next != null) {
                heads.add(new Head(next, run));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public ObjectInfo next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            try {
                push(head.run());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a sorted run in " + folder, e);
            }
            return head.object();
        }
    }
}
