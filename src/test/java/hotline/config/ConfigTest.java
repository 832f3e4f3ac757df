package hotline.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {
    @Test
    void defaultsAreLocalAndSafe() {
        Config config = Config.fromMap(Map.of());
        assertEquals(8080, config.port());
        assertEquals(URI.create("http://127.0.0.1:8080"), config.publicUrl());
        assertTrue(config.localMode());
        assertEquals("127.0.0.1", config.bindHost(), "without a Twilio token only this machine can reach us");
        assertTrue(config.dataDir().endsWith("data"));
        assertTrue(config.promptsDir().endsWith("prompts"));
    }

    @Test
    void theDefaultPublicUrlFollowsThePort() {
        assertEquals(URI.create("http://127.0.0.1:9090"), Config.fromMap(Map.of("HOTLINE_PORT", "9090")).publicUrl());
    }

    @Test
    void withATwilioTokenItListensOnAllInterfaces() {
        Config config = Config.fromMap(Map.of("TWILIO_AUTH_TOKEN", "0123456789abcdef0123456789abcdef",
                "HOTLINE_PUBLIC_URL", "https://hotline.example.org/ivr/"));
        assertEquals("0.0.0.0", config.bindHost());
        assertEquals(URI.create("https://hotline.example.org/ivr"), config.publicUrl(), "trailing slash dropped");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "HOTLINE_PORT, eighty, HOTLINE_PORT \"eighty\" is not a port number",
            "HOTLINE_PORT, 70000, HOTLINE_PORT \"70000\" is not a port number",
            "HOTLINE_PUBLIC_URL, hotline.example.org, HOTLINE_PUBLIC_URL \"hotline.example.org\" must be the http(s) address",
            "HOTLINE_PUBLIC_URL, ftp://hotline.example.org, HOTLINE_PUBLIC_URL \"ftp://hotline.example.org\" must be",
            "HOTLINE_PUBLIC_URL, https://hotline.example.org/?a=1, HOTLINE_PUBLIC_URL \"https://hotline.example.org/?a=1\" must be",
            "TWILIO_AUTH_TOKEN, ' ', TWILIO_AUTH_TOKEN is set but empty",
            "TWILIO_AUTH_TOKEN, AC0123456789abcdef0123456789abcdef, TWILIO_AUTH_TOKEN looks like an Account SID",
            "HOTLINE_LOG_FORMAT, JSON, HOTLINE_LOG_FORMAT \"JSON\" must be text (the default) or json",
            "HOTLINE_METRICS_TOKEN, secret, HOTLINE_METRICS_TOKEN must be at least 24 characters",
            "HOTLINE_TRUSTED_PROXIES, proxy.example.org, HOTLINE_TRUSTED_PROXIES \"proxy.example.org\" is not an IP address",
            "HOTLINE_TRUSTED_PROXIES, 10.0.0.0/33, HOTLINE_TRUSTED_PROXIES \"10.0.0.0/33\" has a prefix length outside 0 to 32"})
    void aBadValueNamesItsVariable(String variable, String value, String message) {
        ConfigException error = assertThrows(ConfigException.class, () -> Config.fromMap(Map.of(variable, value)));
        assertTrue(error.getMessage().startsWith(message), error.getMessage());
    }

    @Test
    void theLocalTokenIsFreshEachTimeAndReadableByItsOwnerOnly(@TempDir Path dataDir) throws IOException {
        String first = LocalToken.createIn(dataDir);
        String second = LocalToken.createIn(dataDir);
        assertNotEquals(first, second);
        assertEquals(32, second.length());
        assertEquals(second, LocalToken.readFrom(dataDir));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(LocalToken.FILE_NAME))));
    }

    @Test
    void withoutADatabaseUrlTheDataStaysInSqlite() {
        assertTrue(Config.fromMap(Map.of()).database().isEmpty());
    }

    @Test
    void aDatabaseUrlMovesTheDataToPostgresAndItsPasswordIsNeverShown() {
        Config config = Config.fromMap(Map.of(DatabaseSettings.URL, "jdbc:postgresql://db.example.org:5432/hotline?sslmode=verify-full&sslrootcert=/etc/ssl/certs/hotline-db-root.crt",
                DatabaseSettings.USER, "hotline", DatabaseSettings.PASSWORD, "s3cret-password"));
        DatabaseSettings database = config.database().orElseThrow();
        assertEquals("hotline", database.user().orElseThrow());
        assertEquals("s3cret-password", database.password().orElseThrow());
        assertTrue(!database.toString().contains("s3cret") && !config.toString().contains("s3cret"), config.toString());
        assertEquals("jdbc:postgresql://db.example.org:5432/hotline?…", database.shownUrl(), "a query may hold a password");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://db/hotline|is not a PostgreSQL JDBC URL",
            "postgresql://db.example.org/hotline|is not a PostgreSQL JDBC URL",
            "jdbc:postgresql://db.example.org:5432/|is not a PostgreSQL JDBC URL",
            "jdbc:postgresql://db.example.org:5432/hotline|without checking its certificate: add ?sslmode=verify-full",
            "jdbc:postgresql://db.example.org/hotline?sslmode=prefer|without checking its certificate",
            "jdbc:postgresql://db.example.org/hotline?sslmode=require|without checking its certificate"})
    void aDatabaseUrlThatWouldNotWorkOrWouldSendDataInClearIsRefused(String url, String message) {
        ConfigException error = assertThrows(ConfigException.class, () -> Config.fromMap(Map.of(DatabaseSettings.URL, url)));
        assertTrue(error.getMessage().startsWith(DatabaseSettings.URL) && error.getMessage().contains(message),
                error.getMessage());
    }

    @Test
    void aLocalDatabaseOrAnExplicitChoiceNeedsNoEncryption() {
        for (String url : new String[]{"jdbc:postgresql://127.0.0.1:5432/hotline", "jdbc:postgresql://localhost/hotline",
                "jdbc:postgresql://10.0.0.5:5432/hotline?sslmode=disable"}) {
            assertTrue(Config.fromMap(Map.of(DatabaseSettings.URL, url)).database().isPresent(), url);
        }
    }

    @Test
    void aDatabaseUserWithoutItsUrlIsRefusedRatherThanIgnored() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> Config.fromMap(Map.of(DatabaseSettings.USER, "hotline")));
        assertTrue(error.getMessage().contains("is not set, but " + DatabaseSettings.USER + " is"), error.getMessage());
    }
}
