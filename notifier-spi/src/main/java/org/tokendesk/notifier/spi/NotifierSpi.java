package org.tokendesk.notifier.spi;

/**
 * Version information of this SPI.
 *
 * <p>A provider reports the SPI version it was compiled against by returning {@link #VERSION} from
 * {@link NotifierProvider#spiVersion()}. Because {@code VERSION} is a compile-time constant, javac
 * copies its value into the plugin's class file, so the host learns which SPI the plugin was built
 * for, not which SPI it runs with. The host refuses plugins outside
 * {@code [OLDEST_SUPPORTED_VERSION, VERSION]} with one log line and keeps the others.
 *
 * <p>Compatibility rule: new capabilities arrive as {@code default} methods and new record
 * components with builders, so a plugin built for an older SPI version keeps working. The version
 * is raised only when that is not possible.
 */
public final class NotifierSpi {

    /** The version of the SPI in this jar. */
    public static final int VERSION = 1;

    /** The oldest SPI version whose plugins this host still loads. */
    public static final int OLDEST_SUPPORTED_VERSION = 1;

    private NotifierSpi() {
    }

    /**
     * Whether a plugin compiled against {@code pluginSpiVersion} can run on this SPI.
     *
     * @param pluginSpiVersion the value the plugin's {@link NotifierProvider#spiVersion()} returned
     * @return true when the host can load that plugin
     */
    public static boolean isCompatible(int pluginSpiVersion) {
        return pluginSpiVersion >= OLDEST_SUPPORTED_VERSION && pluginSpiVersion <= VERSION;
    }
}
