package hotline.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Asks Linux to run the calling thread only when nothing else wants the processor (nice 19). Java's own thread
 * priorities are ignored on Linux, so this asks {@code renice} about the thread's id, read from
 * {@code /proc/thread-self}. Lowering a priority needs no privilege. Best effort: elsewhere, or if it fails, the
 * thread runs at normal priority and the lanes' other limits still hold.
 */
final class BackgroundPriority {
    static final int NICE = 19;
    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);

    private BackgroundPriority() {
    }

    static void lowerThisThread() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "<pid>/task/<tid>"
            String thread = self.getFileName().toString();
            if (!thread.matches("[0-9]{1,10}")) {
                return;
            }
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", thread)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            log.debug("Admin work runs at normal priority here: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
