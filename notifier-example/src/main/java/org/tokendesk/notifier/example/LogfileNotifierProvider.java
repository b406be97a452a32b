package org.tokendesk.notifier.example;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.NotifierConfigurationException;
import org.tokendesk.notifier.spi.NotifierContext;
import org.tokendesk.notifier.spi.NotifierProvider;
import org.tokendesk.notifier.spi.NotifierSpi;

/**
 * The {@code logfile} channel: appends one JSON line per notice to the file named by the setting
 * {@code path} ({@code TOKENDESK_NOTIFIER_LOGFILE_PATH}, or {@code notifier.logfile.path} in the
 * config file). Without that setting the channel is off.
 */
public final class LogfileNotifierProvider implements NotifierProvider {

    /** The channel id; integrations select it with {@code "channels": ["logfile"]}. */
    public static final String ID = "logfile";

    static final String PATH = "path";

    /** The host instantiates every provider at start, so the constructor does nothing. */
    public LogfileNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int spiVersion() {
        // A compile-time constant: javac copies the value of the SPI jar this plugin was built with.
        return NotifierSpi.VERSION;
    }

    @Override
    public boolean isEnabled(NotifierContext context) {
        return context.setting(PATH).isPresent();
    }

    @Override
    public Notifier create(NotifierContext context) {
        String value = context.setting(PATH).orElseThrow(() -> new NotifierConfigurationException(
                "set TOKENDESK_NOTIFIER_LOGFILE_PATH (or notifier.logfile.path) to the file that notices are"
                        + " appended to"));
        Path file;
        try {
            file = Path.of(value).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new NotifierConfigurationException("TOKENDESK_NOTIFIER_LOGFILE_PATH is not a valid path: " + value);
        }
        // Checked once here so that a typo shows at start, not as failed deliveries later.
        if (!Files.isDirectory(file.getParent())) {
            throw new NotifierConfigurationException("TOKENDESK_NOTIFIER_LOGFILE_PATH names a file in "
                    + file.getParent() + ", which is not an existing directory");
        }
        return new LogfileNotifier(file);
    }
}
