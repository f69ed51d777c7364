package com.atlan.storage.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AtlanStorageCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "atlan-storage " + (version == null ? "development build" : version), "Java " + Runtime.version()
        };
    }
}
