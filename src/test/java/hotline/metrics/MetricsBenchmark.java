package hotline.metrics;

import hotline.TestHotline;
import hotline.catalog.Catalog;
import hotline.catalog.PromptDirectory;
import hotline.dashboard.Reports;
import hotline.dashboard.SmallCounts;
import hotline.dashboard.SyntheticCalls;
import hotline.db.Database;

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
import java.util.function.Supplier;

/**
 * {@code scripts/bench-metrics}: how fast the event writer stores events, and how long each statistics query
 * takes once the database holds them. Prints its figures; it asserts nothing, as timings on a shared machine
 * belong in a report, not in a test.
 */
public final class MetricsBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private MetricsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int days = 90;
        Path dir = Files.createTempDirectory("hotline-bench");
        try {
            run(dir, target, days);
        } finally {
            deleteAll(dir);
        }
    }

    private static void run(Path dir, long target, int days) throws Exception {
        System.out.printf("Metrics benchmark: %,d events from synthetic calls over %d days, SQLite in %s%n", target, days, dir);
        Database database = Database.openIn(dir);
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
            while (writer.stats().queued() > CallEventWriter.QUEUE_CAPACITY - 10_000) {
                Thread.onSpinWait(); // the benchmark measures the writer, so it must not overrun the queue
            }
            writer.record("CA" + calls++, events, at);
            offered += events.size();
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("  ... %,d events written%n", writer.stats().written());
            }
        }
        writer.close();
        double seconds = (System.nanoTime() - started) / 1e9;
        EventStats stats = writer.stats();
        System.out.printf("Writer: %,d events (%,d calls) written in %.1f s = %,.0f events/s; dropped %,d%n",
                stats.written(), calls, seconds, stats.written() / seconds, stats.dropped());
        System.out.printf("Database: %,d raw events, %,d rollup rows, %,d MB on disk%n", count(database, "call_event"),
                count(database, "event_rollup"), size(dir) / 1_000_000);

        CallStatistics statistics = new CallStatistics(database, () -> TestHotline.LOS_ANGELES);
        LocalDate today = LocalDate.now(ZONE);
        for (int rangeDays : new int[]{1, 30, 90, 365}) {
            DateRange range = new DateRange(today.minusDays(rangeDays - 1), today);
            System.out.printf("Queries over the last %d day(s), median and worst of 9 runs:%n", rangeDays);
            time("  calls per day by language", () -> statistics.callsPerDay(range));
            time("  calls per hour by language", () -> statistics.callsPerHour(range));
            time("  calls by language", () -> statistics.callsByLanguage(range));
            time("  options chosen", () -> statistics.optionsChosen(range));
            time("  transfers by line and outcome", () -> statistics.transfers(range));
            time("  transfer attempts", () -> statistics.transferAttempts(range));
            time("  calls ended by last menu", () -> statistics.callsEndedByLastMenu(range));
            time("  duration percentiles", () -> statistics.durations(range));
            time("  the whole dashboard (both periods)", () -> new Reports(statistics, () -> catalog,
                    new SmallCounts(SmallCounts.DEFAULT_THRESHOLD)).build(range));
        }
    }

    private static void time(String name, Supplier<?> query) {
        long[] nanos = new long[9];
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

    private static long size(Path dir) throws IOException {
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
