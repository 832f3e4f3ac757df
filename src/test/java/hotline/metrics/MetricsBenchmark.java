package hotline.metrics;

import hotline.TestHotline;
import hotline.catalog.Catalog;
import hotline.catalog.PromptDirectory;
import hotline.dashboard.RangeChoice;
import hotline.dashboard.Reports;
import hotline.dashboard.SmallCounts;
import hotline.dashboard.SyntheticCalls;
import hotline.db.Database;
import hotline.db.TestPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * {@code scripts/bench-metrics}: how fast the event writer stores events, and how long each statistics query takes
 * once the database holds them. Events are offered as webhooks offer them, never waiting for room on the queue:
 * first a burst as fast as one thread can make them, in a database of its own (what the writer keeps up with, and
 * what is dropped at full speed); then the benchmark's data, a steady stream at the given rate over the given days,
 * counting what is dropped. Prints its figures; it asserts nothing, as timings on a shared machine belong in a report,
 * not in a test. Run with the heap and collector of {@code scripts/run}.
 */
public final class MetricsBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    /** {@code --postgres}: on a PostgreSQL server started for the run (Debian's package), not SQLite. */
    private static boolean postgres;

    private MetricsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 && !args[0].startsWith("--") ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int days = (int) longArg(args, "--days", 365);
        long rate = longArg(args, "--rate", 50_000);
        long burst = longArg(args, "--burst", 1_000_000);
        int runs = (int) longArg(args, "--runs", 9);
        postgres = List.of(args).contains("--postgres");
        // Figures of a server that writes to disk as a production one does, not of the tests' fast, undurable one.
        System.setProperty(TestPostgres.DURABLE, "true");
        System.out.printf("Metrics benchmark on %d cores, java %s; load average at the start: %s%n",
                Runtime.getRuntime().availableProcessors(), String.join(" ",
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()), loadAverage());
        Path burstDir = Files.createTempDirectory("hotline-bench-burst");
        try {
            burst(burstDir, burst);
        } finally {
            deleteAll(burstDir);
        }
        Path dir = Files.createTempDirectory("hotline-bench");
        try {
            run(dir, target, days, rate, runs);
        } finally {
            deleteAll(dir);
        }
        System.out.printf("Load average at the end: %s%n", loadAverage());
    }

    /** Events offered as fast as one thread makes them, never waiting: what the writer stores, what it drops. */
    private static Database open(Path dir) {
        return postgres ? Database.openPostgres(TestPostgres.get().newDatabase(), () -> TestHotline.LOS_ANGELES)
                : Database.openIn(dir);
    }

    private static void burst(Path dir, long events) throws Exception {
        Database database = open(dir);
        CallEventWriter writer = new CallEventWriter(database, () -> TestHotline.LOS_ANGELES, Clock.systemUTC(), Duration.ofDays(3650));
        writer.start();
        SyntheticCalls synthetic = new SyntheticCalls(PromptDirectory.load(Path.of("prompts")), 7);
        Instant at = Instant.now().minus(Duration.ofDays(1));
        long offered = 0;
        long calls = 0;
        long started = System.nanoTime();
        while (offered < events) {
            List<CallEvent> one = synthetic.oneCall();
            writer.record("CA" + calls++, one, at);
            offered += one.size();
        }
        double offering = (System.nanoTime() - started) / 1e9;
        writer.close();
        double seconds = (System.nanoTime() - started) / 1e9;
        EventStats stats = writer.stats();
        System.out.printf("Burst, at full speed: %,d events offered in %.1f s (%,.0f events/s), never waiting; written %,d in "
                        + "%.1f s (%,.0f events/s); dropped %,d (%.0f %%) as the queue (%,d events) was full%n", offered, offering,
                offered / offering, stats.written(), seconds, stats.written() / seconds, stats.dropped(),
                100.0 * stats.dropped() / offered, CallEventWriter.QUEUE_CAPACITY);
    }

    private static void run(Path dir, long target, int days, long rate, int runs) throws Exception {
        Database database = open(dir);
        System.out.printf("Steady: %,d events from synthetic calls over %d days, offered at %s, never waiting; in %s%n",
                target, days, rate > 0 ? String.format("%,d events/s", rate) : "full speed", database);
        Instant end = Instant.now();
        CallEventWriter writer = new CallEventWriter(database, () -> TestHotline.LOS_ANGELES, Clock.systemUTC(), Duration.ofDays(3650));
        writer.start();

        Catalog catalog = PromptDirectory.load(Path.of("prompts"));
        SyntheticCalls synthetic = new SyntheticCalls(catalog, 42);
        long offered = 0;
        long calls = 0;
        // Calls arrive in time order, as they would over the days, spread evenly: events per minute of the period.
        double minutesPerEvent = days * 1440.0 / target;
        Instant first = end.minus(Duration.ofDays(days));
        long started = System.nanoTime();
        long lastReport = started;
        while (offered < target) {
            Instant at = first.plusSeconds((long) (offered * minutesPerEvent * 60));
            List<CallEvent> events = synthetic.oneCall();
            if (rate > 0) {
                // Arrivals keep to the clock, whatever the queue holds: a webhook never looks at it.
                long due = started + (long) (offered * 1e9 / rate);
                long early = due - System.nanoTime();
                if (early > 1_000_000) {
                    LockSupport.parkNanos(early);
                }
            }
            writer.record("CA" + calls++, events, at);
            offered += events.size();
            if (System.nanoTime() - lastReport > 20_000_000_000L) {
                lastReport = System.nanoTime();
                EventStats so = writer.stats();
                System.out.printf("  ... %,d events offered, %,d written, %,d dropped%n", offered, so.written(), so.dropped());
            }
        }
        double offering = (System.nanoTime() - started) / 1e9;
        writer.close();
        double seconds = (System.nanoTime() - started) / 1e9;
        EventStats stats = writer.stats();
        System.out.printf("Writer: %,d events (%,d calls) offered in %.1f s (%,.0f events/s); written %,d in %.1f s; dropped %,d"
                        + " (%.2f %%)%n", offered, calls, offering, offered / offering, stats.written(), seconds, stats.dropped(),
                100.0 * stats.dropped() / offered);
        System.out.printf("Database: %,d raw events, %,d rollup rows, %,d MB on disk%n", count(database, "call_event"),
                count(database, "event_rollup"), size(database, dir) / 1_000_000);

        CallStatistics statistics = new CallStatistics(database, () -> TestHotline.LOS_ANGELES);
        LocalDate today = LocalDate.now(ZONE);
        for (int rangeDays : new int[]{1, 30, 90, 365}) {
            DateRange range = new DateRange(today.minusDays(rangeDays - 1), today);
            System.out.printf("Queries over the last %d day(s), median and worst of %d runs:%n", rangeDays, runs);
            time("  calls per day by language", runs, () -> statistics.callsPerDay(range));
            time("  calls per hour by language", runs, () -> statistics.callsPerHour(range));
            time("  calls by language", runs, () -> statistics.callsByLanguage(range));
            time("  options chosen", runs, () -> statistics.optionsChosen(range));
            time("  transfers by line and outcome", runs, () -> statistics.transfers(range));
            time("  transfer attempts", runs, () -> statistics.transferAttempts(range));
            time("  calls ended by last menu", runs, () -> statistics.callsEndedByLastMenu(range));
            time("  duration percentiles", runs, () -> statistics.durations(range));
            time("  the whole dashboard (both periods)", runs, () -> new Reports(statistics, () -> catalog,
                    new SmallCounts(SmallCounts.DEFAULT_THRESHOLD)).build(range,
                    RangeChoice.parse(range.first().toString(), range.last().toString(), null, range.last()).comparedWith()));
        }
    }

    private static long longArg(String[] args, String name, long fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Long.parseLong(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static void time(String name, int runs, Supplier<?> query) {
        long[] nanos = new long[runs];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-36s %7.1f ms  %7.1f ms%n", name, nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    private static long count(Database database, String table) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long size(Database database, Path dir) throws IOException, SQLException {
        if (postgres) {
            try (Connection connection = database.connect(); Statement sql = connection.createStatement();
                 ResultSet result = sql.executeQuery("SELECT pg_database_size(current_database())")) {
                result.next();
                return result.getLong(1);
            }
        }
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
