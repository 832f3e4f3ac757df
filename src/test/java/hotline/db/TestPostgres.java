package hotline.db;

import hotline.config.DatabaseSettings;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} package (which {@code .ci/run} installs),
 * started once per test run on a temporary directory and a free loopback port, stopped when the JVM exits. Each test
 * gets a database of its own. Without the package the tests that need it are skipped, saying so, unless
 * {@code HOTLINE_REQUIRE_POSTGRES=1} (as in CI) makes them fail.
 * <p>
 * PostgreSQL refuses to run as root; as root (a CI container), the server runs as the {@code postgres} user the
 * package creates.
 */
public final class TestPostgres {
    private static final String SUPERUSER = "hotline_test";
    /** System property: {@code true} starts a server with PostgreSQL's default durability (fsync on), for benchmarks. */
    public static final String DURABLE = "hotline.test.postgres.durable";
    private static TestPostgres server;
    private static String unavailable;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** The server, started at the first call; skips the test (or fails it, where required) without PostgreSQL. */
    public static synchronized TestPostgres get() {
        if (server == null && unavailable == null) {
            Optional<Path> bin = binaries();
            if (bin.isEmpty()) {
                unavailable = "PostgreSQL is not installed (Debian's postgresql package; .ci/run installs it)";
            } else {
                server = start(bin.get());
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
            }
        }
        if (server == null) {
            if ("1".equals(System.getenv("HOTLINE_REQUIRE_POSTGRES"))) {
                fail(unavailable + ", and HOTLINE_REQUIRE_POSTGRES=1 says the tests on PostgreSQL must run");
            }
            Assumptions.abort(unavailable + ": tests on PostgreSQL skipped; HOTLINE_REQUIRE_POSTGRES=1 makes them fail");
        }
        return server;
    }

    /** A new, empty database on the server, and the settings that reach it, as an operator would write them. */
    public DatabaseSettings newDatabase() {
        String name = "hotline_" + databases.incrementAndGet();
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return new DatabaseSettings(url(name), Optional.of(SUPERUSER), Optional.empty());
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as the server's superuser, to a database of the server, for what tests do behind the hotline's back. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), SUPERUSER, "");
    }

    /** Everything {@code database} holds, as pg_dump writes it: for tests that search all of it. */
    public String dump(DatabaseSettings database) {
        try {
            Path out = Files.createTempFile("hotline-test-dump", ".sql");
            String name = database.url().substring(database.url().lastIndexOf('/') + 1);
            run(List.of(bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", SUPERUSER,
                    "-f", out.toString(), name), dir, false);
            String dump = Files.readString(out);
            Files.delete(out);
            return dump;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> binaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static TestPostgres start(Path bin) {
        try {
            Path dir = Files.createTempDirectory("hotline-test-postgres");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), dir, false);
            }
            TestPostgres postgres = new TestPostgres(dir, bin, freePort());
            postgres.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
                    "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"), root);
            // Durability is not what tests are about: without fsync the server starts and commits quickly. A benchmark
            // asks for a server that writes as a production one does (DURABLE).
            String durability = Boolean.getBoolean(DURABLE) ? ""
                    : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            postgres.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o", "-p " + postgres.port + " -k " + dir
                            + " -c listen_addresses=127.0.0.1 -c max_connections=300" + durability, "start"), root);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(List<String> command, boolean asPostgresUser) {
        run(command, dir, asPostgresUser);
    }

    private static void run(List<String> command, Path dir, boolean asPostgresUser) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("hotline-test-postgres", ".log");
            Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(output));
            }
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"),
                    "root".equals(System.getProperty("user.name")));
        } catch (RuntimeException e) {
            // the JVM is ending; the temporary directory is left behind at worst
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
