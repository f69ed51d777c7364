package com.atlan.storage.testing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.DelegatingBackend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.ObjectInfo;
import java.util.stream.Stream;

/**
 * Delegates every call to another store ({@link DelegatingBackend}); tests override the calls they want to disturb or
 * observe. Unlike a production decorator it hides server-side copy, and its flat listing goes through {@link #list},
 * so what a test puts in the way stays in the way.
 */
public class ForwardingBackend extends DelegatingBackend {

    public ForwardingBackend(Backend delegate) {
        super(delegate);
    }

    /**
     * The delegate's features without server-side copy: a copy between servers would bypass what a test puts
     * between them.
     */
    @Override
    public Features features() {
        Features f = delegate.features();
        return new Features(
                f.hashes(),
                f.verifiedOnWrite(),
                f.preservesModTime(),
                f.metadata(),
                f.listingOrder(),
                null,
                false,
                false);
    }

    /** {@link #list}, as {@link Backend}'s default: a test that disturbs listings disturbs flat ones too. */
    @Override
    public Stream<ObjectInfo> listFlat(String prefix, String startAfter) {
        return list(prefix, startAfter);
    }
}
