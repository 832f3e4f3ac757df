package hotline.cli;

import hotline.TestHotline;
import hotline.cli.HotlineCli;
import hotline.db.Database;
import hotline.voice.FallbackTwiml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code scripts/hotline fallback-twiml}: the published version's fallback, alone on standard output, to paste. */
class FallbackCommandTest {
    @Test
    void itPrintsThePublishedVersionsFallbackAndNothingElse() throws Exception {
        try (TestHotline hotline = TestHotline.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = FallbackCommand.run(hotline.database, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
            FallbackTwiml live = FallbackTwiml.of(hotline.catalog.get());
            assertEquals(live.template(), out.toString(StandardCharsets.UTF_8));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("Fallback " + live.fingerprint() + " of v1"),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void withNothingPublishedItSaysToStartTheHotlineFirst(@TempDir Path parent) throws Exception {
        Path data = parent.resolve("not-yet-made");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FallbackCommand.run(Database.openIn(data), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Nothing is published yet"), err.toString(StandardCharsets.UTF_8));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(data)),
                "a data directory a command makes before the hotline's first start is as private as the hotline's own");
    }

    @Test
    void scriptsHotlineRunsItOnTheDataDirectory() throws Exception {
        try (TestHotline hotline = TestHotline.start()) {
            List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                    "-cp", System.getProperty("java.class.path"), HotlineCli.class.getName(), FallbackCommand.NAME));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_") || name.startsWith("TWILIO_"));
            builder.environment().put("HOTLINE_DATA_DIR", hotline.dataDir.toString());
            builder.environment().put("HOTLINE_PROMPTS_DIR", TestHotline.SEED_PROMPTS.toAbsolutePath().toString());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), err);
            assertEquals(FallbackTwiml.of(hotline.catalog.get()).template(), out);
        }
    }
}
