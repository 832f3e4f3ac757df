package hotline.deploy;

import hotline.config.Config;
import hotline.config.DatabaseSettings;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The systemd unit and its environment file, as the README installs them: an unprivileged user whose only writable
 * path is the data directory, restarts on failure but not on a refused configuration, the same JVM as scripts/run, and
 * an example settings file that holds no secret and names only variables something reads.
 */
class DeployFilesTest {
    private static final Path UNIT = Path.of("deploy", "hotline.service");
    private static final Path ENV = Path.of("deploy", "hotline.env.example");

    /** Every {@code Name=value} of the unit, in order (a name set twice keeps both). */
    private static List<String[]> unit() throws IOException {
        List<String[]> settings = new ArrayList<>();
        for (String line : Files.readAllLines(UNIT, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("[") && line.contains("=")) {
                settings.add(line.split("=", 2));
            }
        }
        return settings;
    }

    private static String one(String name) throws IOException {
        List<String> values = unit().stream().filter(s -> s[0].equals(name)).map(s -> s[1]).toList();
        assertEquals(1, values.size(), name + " in " + UNIT + ": " + values);
        return values.get(0);
    }

    private static Map<String, String> environment() throws IOException {
        Map<String, String> env = new HashMap<>();
        unit().stream().filter(s -> s[0].equals("Environment")).forEach(s -> {
            String[] pair = s[1].split("=", 2);
            env.put(pair[0], pair[1]);
        });
        return env;
    }

    @Test
    void theHotlineRunsUnprivilegedWithTheDataDirectoryAsItsOnlyWritablePath() throws IOException {
        assertEquals("hotline", one("User"));
        assertEquals("strict", one("ProtectSystem"));
        String data = environment().get(Config.DATA_DIR);
        assertEquals("/var/lib/hotline", data);
        assertEquals(data, one("ReadWritePaths"), "the data directory, and nothing else, is writable");
        assertEquals("/var/lib/" + one("StateDirectory"), data, "systemd makes it, owned by the service's user");
        assertEquals("0700", one("StateDirectoryMode"), "the hotline refuses a data directory others can open");
        assertEquals("0077", one("UMask"));
        assertEquals("true", one("NoNewPrivileges"));
        assertEquals("", one("CapabilityBoundingSet"));
        assertEquals("/etc/hotline/hotline.env", one("EnvironmentFile"));
    }

    @Test
    void itRestartsOnFailureButNotOnAConfigurationItRefused() throws IOException {
        assertEquals("on-failure", one("Restart"));
        assertEquals("2", one("RestartPreventExitStatus"), "App exits 2 on a refused configuration");
    }

    @Test
    void itRunsThePackagedJarWithTheJvmOfScriptsRun() throws IOException {
        String exec = one("ExecStart");
        assertTrue(exec.endsWith(" -jar /opt/hotline/target/hotline.jar"), exec);
        assertTrue(exec.contains("-XX:SharedArchiveFile=/opt/hotline/target/hotline.jsa"), "the archive of scripts/run --prepare");
        Matcher jvm = Pattern.compile("jvm=\\(([^)]*)\\)").matcher(Files.readString(Path.of("scripts", "run")));
        assertTrue(jvm.find(), "scripts/run sets jvm=(...)");
        for (String flag : jvm.group(1).trim().split("\\s+")) {
            assertTrue(exec.contains(" " + flag + " "), "scripts/run's " + flag + " in " + exec);
        }
        assertEquals("/opt/hotline/prompts", environment().get(Config.PROMPTS_DIR));
    }

    @Test
    void systemdReadsTheUnitWithoutComplaint() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Process process = new ProcessBuilder(analyze.toString(), "verify", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        for (String line : output.lines().toList()) {
            assertFalse(line.contains(UNIT.getFileName().toString()) && (line.contains("Failed") || line.contains("Unknown")
                    || line.contains("ignoring")), output);
        }
    }

    /** {@code NAME=value} lines of the example, commented-out ones too (they document optional settings). */
    private static Map<String, String> example() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV, StandardCharsets.UTF_8)) {
            Matcher setting = Pattern.compile("^#? ?([A-Z][A-Z0-9_]+)=(.*)$").matcher(line);
            if (setting.matches()) {
                settings.put(setting.group(1), setting.group(2));
            }
        }
        return settings;
    }

    @Test
    void theExampleSettingsHoldNoSecretAndNameOnlyWhatIsRead() throws IOException {
        Set<String> read = Set.of(Config.PORT, Config.PUBLIC_URL, Config.AUTH_TOKEN, Config.RETENTION_DAYS,
                Config.SMALL_COUNT_THRESHOLD, Config.LOG_FORMAT, Config.METRICS_TOKEN, Config.ALLOW_HTTP,
                "HOTLINE_ACCESS_LOG_LEVEL", "TWILIO_ACCOUNT_SID", "TWILIO_API_KEY", "TWILIO_API_SECRET",
                DatabaseSettings.URL, DatabaseSettings.USER, DatabaseSettings.PASSWORD);
        Map<String, String> example = example();
        assertTrue(example.containsKey(Config.PUBLIC_URL) && example.containsKey(Config.AUTH_TOKEN), example.toString());
        for (Map.Entry<String, String> setting : example.entrySet()) {
            assertTrue(read.contains(setting.getKey()), setting.getKey() + " is read by nothing");
        }
        for (String secret : List.of(Config.AUTH_TOKEN, Config.METRICS_TOKEN, "TWILIO_API_SECRET", DatabaseSettings.PASSWORD)) {
            assertEquals("", example.getOrDefault(secret, ""), secret + " must be empty in the example");
        }
        assertFalse(example.containsKey(Config.DATA_DIR), "the unit sets the data directory, with its ReadWritePaths");
    }

    @Test
    void filledInWithATokenItIsAConfigurationTheHotlineAccepts() throws IOException {
        Map<String, String> env = new HashMap<>(environment());
        String file = Files.readString(ENV, StandardCharsets.UTF_8);
        example().forEach((name, value) -> {
            if (!value.isEmpty() && file.contains("\n" + name + "=")) {
                env.put(name, value);
            }
        });
        env.put(Config.AUTH_TOKEN, "0123456789abcdef0123456789abcdef");
        Config config = Config.fromMap(env);
        assertFalse(config.localMode());
        assertEquals("https", config.publicUrl().getScheme());
        assertEquals(8080, config.port(), "the port nginx-hotline.conf proxies to");
        assertTrue(Files.readString(Nginx.EXAMPLE).contains("proxy_pass http://127.0.0.1:" + config.port() + ";"));
    }
}
