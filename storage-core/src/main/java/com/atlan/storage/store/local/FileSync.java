package com.atlan.storage.store.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes local writes durable: a file's bytes before it is renamed into place, then the folder that holds the new
 * name. A seam so tests can check the calls are made, in order, without pulling the power.
 */
interface FileSync {

    /** Forces {@code file}'s bytes and metadata to the device. */
    void file(FileChannel file) throws IOException;

    /** Forces {@code folder}'s entries (names created, renamed or removed in it) to the device. */
    void folder(Path folder) throws IOException;

    /** fsync(2) of the file, then of the folder (folders cannot be opened for syncing on Windows: skipped there). */
    FileSync DURABLE = new FileSync() {
        private final boolean windows = System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("windows");

        @Override
        public void file(FileChannel file) throws IOException {
            file.force(true);
        }

        @Override
        public void folder(Path folder) throws IOException {
            if (windows) {
                return;
            }
            try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    };
}
