package hotline.dashboard;

import hotline.content.ContentStartup;
import hotline.content.ContentStore;
import hotline.audit.AuditLog;
import hotline.catalog.Catalog;
import hotline.catalog.CatalogException;
import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.db.Database;
import hotline.metrics.CallEventWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code scripts/seed-demo-data}: fills a local database with made-up calls, so a new user sees a living
 * dashboard on the first run. Refuses a database that holds real calls, unless told {@code --force}.
 */
public final class DemoData {
    static final String MARKER = "demo_data";
    static final String USAGE = """
            Usage: scripts/seed-demo-data [--days 90] [--calls-per-day 60] [--force]

            Adds made-up calls for the last DAYS days (today included) to the database under HOTLINE_DATA_DIR,
            so that the dashboard has something to show on a new install.

              --days N            how many days, counting back from today (1 to 1098; 90 by default)
              --calls-per-day N   about how many calls a day (1 to 10000; 60 by default)
              --force             add them even to a database that holds real calls (the dashboard then mixes both)
              -h, --help          show this and stop
            """;

    private DemoData() {
    }

    public static void main(String[] args) {
        int days = 90;
        int perDay = 60;
        boolean force = false;
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--days" -> days = Integer.parseInt(args[++i]);
                    case "--calls-per-day" -> perDay = Integer.parseInt(args[++i]);
                    case "--force" -> force = true;
                    default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
                }
            }
            if (days < 1 || days > 3 * 366 || perDay < 1 || perDay > 10_000) {
                throw new IllegalArgumentException("--days is 1 to 1098 and --calls-per-day 1 to 10000.");
            }
        } catch (RuntimeException e) {
            System.err.println((e.getMessage() == null ? "Missing value." : e.getMessage()) + "\n\n" + USAGE);
            System.exit(2);
        }
        try {
            Config config = Config.fromEnvironment();
            Database database = Database.open(config.dataDir(), config.database(), ContentStartup.seedTimeZone(config.promptsDir()));
            Clock clock = Clock.systemUTC();
            Catalog catalog = ContentStartup.published(new ContentStore(database, clock), config.promptsDir(), new AuditLog(database, clock));
            System.exit(seed(database, catalog, clock, days, perDay, force));
        } catch (ConfigException | CatalogException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    static int seed(Database database, Catalog catalog, Clock clock, int days, int perDay, boolean force) {
        if (holdsRealCalls(database) && !force) {
            System.err.println("This database holds real calls, so no demo data was added. Use --force to add it anyway:"
                    + " the dashboard would then mix made-up calls with real ones.");
            return 1;
        }
        LocalDate today = LocalDate.now(clock.withZone(catalog.timeZone()));
        CallEventWriter writer = new CallEventWriter(database, catalog::timeZone, clock, Duration.ofDays(3650));
        writer.start();
        long[] serial = {0};
        long calls = new SyntheticCalls(catalog, today.toEpochDay()).generate(today.minusDays(days - 1), today, perDay,
                catalog.timeZone(), (at, events) -> {
                    while (writer.stats().queued() > 50_000) {
                        Thread.onSpinWait();
                    }
                    writer.record("demo-" + today + "-" + serial[0]++, events, at);
                });
        writer.close();
        mark(database, clock);
        System.out.printf("Added %,d made-up calls over %d days (%,d events written, %,d dropped).%n",
                calls, days, writer.stats().written(), writer.stats().dropped());
        return writer.stats().dropped() == 0 ? 0 : 1;
    }

    /** True when the database has call events and was never marked as demo data. */
    static boolean holdsRealCalls(Database database) {
        try (Connection connection = database.connect();
             PreparedStatement events = connection.prepareStatement("SELECT COUNT(*) FROM call_event");
             PreparedStatement marker = connection.prepareStatement("SELECT COUNT(*) FROM hotline_setting WHERE name = ?")) {
            marker.setString(1, MARKER);
            return count(events) > 0 && count(marker) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database: " + e.getMessage(), e);
        }
    }

    private static void mark(Database database, Clock clock) {
        try (Connection connection = database.connect(); PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO hotline_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, MARKER);
            upsert.setString(2, "added " + clock.instant());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark the database as holding demo data: " + e.getMessage(), e);
        }
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
