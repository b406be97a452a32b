package org.tokendesk.web.cli;

import picocli.CommandLine;

/** The version from the jar's manifest. */
public final class Version implements CommandLine.IVersionProvider {

    public Version() {
        // picocli instantiates it
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tokendesk " + current()};
    }
}
