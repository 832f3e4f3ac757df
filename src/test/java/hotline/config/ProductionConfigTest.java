package hotline.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a Twilio token the hotline is live, and start-up refuses what would be unsafe or silently broken there, one
 * clear line each, naming the variable: an http public URL, no public URL, a data directory others can open; and a
 * public address without a token, which would otherwise run in local mode and refuse every call.
 */
class ProductionConfigTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static ConfigException refused(Map<String, String> env, String variable) {
        ConfigException error = assertThrows(ConfigException.class, () -> Config.fromMap(env));
        assertTrue(error.getMessage().startsWith(variable + " "), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
        return error;
    }

    @Test
    void anHttpPublicUrlIsRefusedWhenLive() {
        ConfigException error = refused(env("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PUBLIC_URL", "http://hotline.example.org"),
                "HOTLINE_PUBLIC_URL");
        assertTrue(error.getMessage().contains("is http"), error.getMessage());
        assertTrue(error.getMessage().contains("HOTLINE_ALLOW_HTTP=1 for a test tunnel only"), error.getMessage());
    }

    @Test
    void httpIsAllowedOnlyWhenSaidSoForATunnel() {
        Config config = Config.fromMap(env("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PUBLIC_URL", "http://abc.tunnel.example",
                "HOTLINE_ALLOW_HTTP", "1"));
        assertEquals(URI.create("http://abc.tunnel.example"), config.publicUrl());
        refused(env("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PUBLIC_URL", "http://abc.tunnel.example", "HOTLINE_ALLOW_HTTP", "yes"),
                "HOTLINE_ALLOW_HTTP");
        refused(env("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PUBLIC_URL", "http://abc.tunnel.example", "HOTLINE_ALLOW_HTTP", "0"),
                "HOTLINE_PUBLIC_URL");
    }

    @Test
    void aLiveHotlineNeedsItsPublicUrl() {
        ConfigException error = refused(env("TWILIO_AUTH_TOKEN", TOKEN), "HOTLINE_PUBLIC_URL");
        assertTrue(error.getMessage().contains("is not set"), error.getMessage());
    }

    @Test
    void anHttpsPublicUrlIsWhatALiveHotlineTakes() {
        Config config = Config.fromMap(env("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PUBLIC_URL", "https://hotline.example.org"));
        assertFalse(config.localMode());
    }

    @Test
    void aPublicAddressWithoutATokenIsRefusedRatherThanRunSilentlyInLocalMode() {
        ConfigException error = refused(env("HOTLINE_PUBLIC_URL", "https://hotline.example.org"), "HOTLINE_PUBLIC_URL");
        assertTrue(error.getMessage().contains("TWILIO_AUTH_TOKEN is not set"), error.getMessage());
        assertTrue(error.getMessage().contains("local mode"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:9000", "http://[::1]:8080", "http://127.0.0.2"})
    void aLoopbackPublicUrlWithoutATokenIsLocalMode(String url) {
        assertTrue(Config.fromMap(env("HOTLINE_PUBLIC_URL", url)).localMode());
    }

    @Test
    void aDataDirectoryOthersCanOpenIsRefusedWhenLive(@TempDir Path parent) throws IOException {
        Path data = Files.createDirectory(parent.resolve("data"));
        Map<String, String> live = env("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PUBLIC_URL", "https://hotline.example.org",
                "HOTLINE_DATA_DIR", data.toString());
        for (String open : new String[] {"rwxr-xr-x", "rwxr-x---", "rwx-----x", "rwx---rwx"}) {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString(open));
            ConfigException error = assertThrows(ConfigException.class, () -> Config.fromMap(live).requirePrivateDataDir());
            assertTrue(error.getMessage().startsWith("HOTLINE_DATA_DIR \"" + data + "\" is open to others (" + open + ")"),
                    error.getMessage());
            assertTrue(error.getMessage().endsWith("chmod 700 " + data), error.getMessage());
            assertFalse(error.getMessage().contains("\n"));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        assertDoesNotThrow(() -> Config.fromMap(live).requirePrivateDataDir());
    }

    @Test
    void theHotlineStopsAtStartUpWithThatLine(@TempDir Path parent) throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-cp",
                System.getProperty("java.class.path"), hotline.App.class.getName()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_") || name.startsWith("TWILIO_"));
        builder.environment().putAll(env("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PUBLIC_URL", "https://hotline.example.org",
                "HOTLINE_DATA_DIR", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_PROMPTS_DIR", Path.of("prompts").toAbsolutePath().toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, process.waitFor(), output);
        assertTrue(output.contains("Hotline cannot start.\nHOTLINE_DATA_DIR \"" + data + "\" is open to others (rwxr-xr-x)"),
                output);
        assertFalse(Files.exists(data.resolve("hotline.db")), "stopped before opening anything");
    }

    @Test
    void localModeDoesNotCheckTheDataDirectory(@TempDir Path parent) throws IOException {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertDoesNotThrow(() -> Config.fromMap(env("HOTLINE_DATA_DIR", data.toString())).requirePrivateDataDir());
    }
}
