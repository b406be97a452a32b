package org.tokendesk.notifier.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.Recipient;

/**
 * Appends notices to one file. The host calls {@link #deliver} from several threads at once, so
 * writes are serialized: each line is written whole, never interleaved with another.
 */
final class LogfileNotifier implements Notifier {

    private final Path file;
    private final Object lock = new Object();

    LogfileNotifier(Path file) {
        this.file = file;
    }

    @Override
    public DeliveryOutcome deliver(Notice notice, Recipient recipient) {
        String line = NoticeLine.json(notice, recipient) + "\n";
        try {
            synchronized (lock) {
                Files.writeString(file, line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            return DeliveryOutcome.delivered("appended to " + file.getFileName());
        } catch (IOException e) {
            // A full disk or a permission problem may be fixed by an operator: let the host retry.
            return DeliveryOutcome.retryLater("cannot append to " + file + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "LogfileNotifier[" + file + "]";
    }
}
