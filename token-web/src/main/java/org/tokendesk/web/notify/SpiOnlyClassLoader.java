package org.tokendesk.web.notify;

import org.tokendesk.notifier.spi.NotifierProvider;

/**
 * The parent of every plugin's class loader: it shows a plugin the notifier SPI and the JDK, and
 * nothing else of the host, so a plugin cannot reach (or clash with) the host's libraries.
 */
final class SpiOnlyClassLoader extends ClassLoader {

    private static final String SPI_PACKAGE = NotifierProvider.class.getPackageName() + ".";

    SpiOnlyClassLoader() {
        super("tokendesk-plugin-parent", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE)) {
            return Class.forName(name, false, NotifierProvider.class.getClassLoader());
        }
        return super.loadClass(name, resolve);
    }
}
