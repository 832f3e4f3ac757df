package hotline;

import hotline.accounts.AccessControl;
import hotline.accounts.AccountRoutes;
import hotline.accounts.Accounts;
import hotline.accounts.AccountsController;
import hotline.accounts.DeviceCookies;
import hotline.accounts.FirstAdmin;
import hotline.accounts.LoginController;
import hotline.accounts.LoginThrottle;
import hotline.accounts.PasswordHasher;
import hotline.accounts.SessionEnd;
import hotline.accounts.Sessions;
import hotline.admin.AdminRoutes;
import hotline.admin.FallbackController;
import hotline.content.ContentFollower;
import hotline.content.ContentStartup;
import hotline.content.ContentStore;
import hotline.content.FallbackStatus;
import hotline.admin.FilesController;
import hotline.admin.KeptController;
import hotline.admin.LanguagesController;
import hotline.admin.LinesController;
import hotline.admin.OverviewController;
import hotline.admin.PreviewController;
import hotline.admin.PromptsController;
import hotline.admin.VersionsController;
import hotline.content.Publisher;
import hotline.admin.AuditController;
import hotline.audit.AuditLog;
import hotline.catalog.Catalog;
import hotline.catalog.CatalogException;
import hotline.catalog.PublishedCatalog;
import hotline.admin.AdminConsole;
import hotline.dashboard.DashboardRoutes;
import hotline.operations.OperationsRoutes;
import hotline.recordings.RecordingRoutes;
import hotline.web.Access;
import hotline.web.AccessRules;
import hotline.web.Routes;
import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.config.DataDirLock;
import hotline.config.DatabaseSettings;
import hotline.config.LocalToken;
import hotline.dashboard.DashboardController;
import hotline.dashboard.Reports;
import hotline.dashboard.SmallCounts;
import hotline.db.Database;
import hotline.metrics.CallEventWriter;
import hotline.metrics.CallStatistics;
import hotline.recordings.AudioController;
import hotline.recordings.RecordingStore;
import hotline.recordings.RecordingsController;
import hotline.voice.AnswerRehearsal;
import hotline.voice.CallFlow;
import hotline.voice.StepUrls;
import hotline.voice.TwilioSignatureCheck;
import hotline.voice.VoiceController;
import hotline.voice.VoiceRoutes;
import hotline.voice.CallsInProgress;
import hotline.operations.MetricsController;
import hotline.operations.OperatorAccess;
import hotline.operations.OperationsMetrics;
import hotline.operations.HealthController;
import hotline.web.AdminLanes;
import hotline.web.DatabaseGuard;
import hotline.web.RequestLog;
import hotline.web.SecurityHeaders;
import hotline.web.SlowClients;
import hotline.web.KeptForms;
import hotline.web.TooLargeUpload;
import hotline.web.UnreadableForm;
import hotline.web.WorkLane;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/** Builds the hotline (one place wires everything by hand) and, in {@link #main}, starts it. */
public final class App {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** Admin forms are a few kilobytes, an import of prompt files up to a megabyte; webhooks have their own, lower limit. */
    static final long MAX_REQUEST_BYTES = 1024 * 1024;

    private App() {
    }

    /**
     * The unstarted app; tests call this too. Starting it starts the event writer; stopping it flushes it.
     *
     * @param catalog what callers hear; publishing in the admin console replaces it
     */
    public static Javalin create(Config config, String authToken, PublishedCatalog catalog, Database database,
                                 Clock clock) {
        return create(config, authToken, catalog, database, clock, () -> { }, AdminLanes.standard());
    }

    /**
     * @param afterStop run once the server stopped and the event writer flushed (releases the data directory's lock)
     * @param lanes     where password hashes and other heavy admin work run, away from the webhooks
     */
    static Javalin create(Config config, String authToken, PublishedCatalog catalog, Database database, Clock clock,
                          Runnable afterStop, AdminLanes lanes) {
        StepUrls urls = new StepUrls(config.publicUrl());
        CallEventWriter events = new CallEventWriter(database, () -> catalog.get().timeZone(), clock, config.retention());
        CallsInProgress calls = new CallsInProgress();
        VoiceController voice = new VoiceController(catalog, new CallFlow(urls), events, calls, clock);
        OperationsMetrics operations = new OperationsMetrics(events, calls, catalog, clock);
        OperatorAccess operators = new OperatorAccess(config.metricsToken(), config.localMode());
        MetricsController metricsPage = new MetricsController(operations);
        TwilioSignatureCheck signatures = new TwilioSignatureCheck(authToken, config.publicUrl());
        HealthController health = new HealthController(catalog, events, database, operators);
        DatabaseGuard databaseGuard = new DatabaseGuard(database);

        AuditLog audit = new AuditLog(database, clock);
        Accounts accounts = new Accounts(database, new PasswordHasher(lanes.passwords()), clock);
        Sessions sessions = new Sessions(database, clock);
        KeptForms kept = new KeptForms(database, clock);
        SessionEnd sessionEnd = new SessionEnd(sessions, kept);
        AccountsController accountPages = new AccountsController(accounts, sessions, audit, kept, clock);
        AccessControl access = new AccessControl(accounts, sessions, sessionEnd);
        LoginController login = new LoginController(accounts, sessions, audit, config.publicUrl().getScheme().equals("https"),
                () -> FirstAdmin.forgetPasswordFile(config.dataDir()), new DeviceCookies(database, clock),
                config.trustedProxies(), kept, LoginThrottle.forDatabase(database));

        ContentStore content = new ContentStore(database, clock);
        RecordingStore recordingFiles = new RecordingStore(config.dataDir(), database);
        FallbackStatus fallbackStatus = new FallbackStatus(database, clock);
        Publisher publisher = new Publisher(content, catalog, audit, recordingFiles::has,
                new AnswerRehearsal(urls), fallbackStatus, clock);
        FallbackController fallback = new FallbackController(catalog, fallbackStatus, audit);
        RecordingsController recordings = new RecordingsController(content, recordingFiles, kept);
        AudioController audio = new AudioController(recordingFiles);
        OverviewController overview = new OverviewController(content, publisher, catalog, fallbackStatus, kept);
        PromptsController prompts = new PromptsController(content, audit, kept);
        KeptController keptPages = new KeptController(kept, content, catalog);
        LinesController lines = new LinesController(content, kept);
        CallStatistics statistics = new CallStatistics(database, () -> catalog.get().timeZone());
        LanguagesController languages = new LanguagesController(content, audit, statistics, urls,
                () -> catalog.get().timeZone(), clock, kept);
        VersionsController versions = new VersionsController(content, publisher, catalog, kept);
        PreviewController preview = new PreviewController(content, urls, clock);
        FilesController files = new FilesController(content, audit, kept);
        AuditController auditPage = new AuditController(audit, () -> catalog.get().timeZone());
        AdminConsole console = new AdminConsole(overview, prompts, lines, languages, versions, preview, files, auditPage,
                fallback, keptPages);
        DashboardController dashboard = new DashboardController(new Reports(statistics, catalog,
                new SmallCounts(config.smallCountThreshold())), catalog, clock, config.smallCountThreshold());

        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            SlowClients.guard(javalin);
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.jetty.multipartConfig.maxFileSize(8, SizeUnit.MB);
            javalin.jetty.multipartConfig.maxTotalRequestSize(9, SizeUnit.MB);
            javalin.jsonMapper(new JavalinJackson());
            javalin.requestLogger.http((ctx, millis) -> {
                RequestLog.log(ctx, millis);
                operations.requestHandled(ctx, millis);
            });
            // Style sheets, scripts and Chart.js are public, and say so: every request passes the access rule below.
            javalin.staticFiles.add(statics -> {
                statics.hostedPath = "/static";
                statics.directory = "/static";
                statics.location = Location.CLASSPATH;
                statics.roles = Set.of(Access.ANYONE);
            });
            javalin.staticFiles.add(webjars -> {
                webjars.hostedPath = "/webjars";
                webjars.directory = "META-INF/resources/webjars";
                webjars.location = Location.CLASSPATH;
                webjars.headers = Map.of("Cache-Control", "max-age=31622400");
                webjars.roles = Set.of(Access.ANYONE);
            });
            javalin.events.serverStarted(events::start);
            if (database.shared()) {
                // Other instances may publish: what they publish is heard here too, its recordings copied here ahead.
                ContentFollower follower = new ContentFollower(content, catalog, recordingFiles::copyAhead);
                javalin.events.serverStarted(follower::start);
                javalin.events.serverStopped(follower::close);
            }
            javalin.events.serverStopped(events::close);
            javalin.events.serverStopped(afterStop::run);

            javalin.routes.before(SecurityHeaders::apply);
            javalin.routes.before(databaseGuard::check);
            // Denied by default: each route says who may use it, and this decides before any handler runs.
            javalin.routes.beforeMatched(new AccessRules(Map.of(
                    Access.TWILIO, signatures,
                    Access.MONITORING, operators::check,
                    Access.SIGNED_IN, access.checkFor(Access.SIGNED_IN),
                    Access.STAFF, access.checkFor(Access.STAFF),
                    Access.ADMIN, access.checkFor(Access.ADMIN))));

            Routes routes = new Routes(javalin.routes);
            VoiceRoutes.mount(routes, voice);
            OperationsRoutes.mount(routes, health, metricsPage);
            AccountRoutes.mount(routes, login, accountPages, sessionEnd);
            console.mount(routes, lanes.work());
            RecordingRoutes.mount(routes, recordings, audio);
            DashboardRoutes.mount(routes, dashboard, lanes.work());

            javalin.routes.exception(Exception.class, (error, ctx) -> {
                if (ctx.path().startsWith(VoiceRoutes.PREFIX) && TwilioSignatureCheck.signed(ctx)) {
                    voice.safetyNet(error, ctx);
                } else if (ctx.path().startsWith(VoiceRoutes.PREFIX)) {
                    // Not signed (yet): whatever failed, this is no call of ours, and worth one line, not a stack trace.
                    TwilioSignatureCheck.refuse(ctx, HttpStatus.BAD_REQUEST, "failed before its signature was checked ("
                            + error.getClass().getSimpleName() + ")", "Bad request");
                } else if (TooLargeUpload.causedBy(error)) {
                    TooLargeUpload.refuse(ctx);
                } else if (UnreadableForm.causedBy(error)) {
                    UnreadableForm.refuse(ctx);
                } else if (DatabaseGuard.unreachable(error)) {
                    log.error("{} {} failed: the database cannot be reached ({})", ctx.method(), ctx.path(), error.toString());
                    DatabaseGuard.refuseUnreachable(ctx);
                } else if (error instanceof WorkLane.Busy) {
                    log.warn("Refused {} {}: too much admin work at once", ctx.method(), ctx.path());
                    WorkLane.refuse(ctx);
                } else {
                    log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), error);
                    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain")
                            .result("Something went wrong on our side. It has been logged.");
                }
            });
        });
    }

    public static void main(String[] args) {
        try {
            Config config = Config.fromEnvironment();
            RunningHotline hotline = start(config, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(hotline::stop, "shutdown"));
            if (config.localMode()) {
                log.info("Local mode: no {} set, so only this machine can call in. Try a call: scripts/simulate-call",
                        Config.AUTH_TOKEN);
            } else if (config.metricsToken().isEmpty()) {
                log.warn("No {} set: /metrics and the details of /healthz are refused to everyone. Set it for Prometheus "
                        + "and operators (see README, Configuration)", Config.METRICS_TOKEN);
            }
        } catch (ConfigException | CatalogException e) {
            System.err.println("Hotline cannot start.\n" + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Opens the data directory, loads what callers hear, and starts answering: what {@link #main}, the warm-up of
     * {@code scripts/run} and the tests all do, the same way.
     */
    public static RunningHotline start(Config config, Clock clock) {
        useTheJdksXmlFactories();
        createDataDir(config);
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        try {
            return start(config, clock, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** @param lock held while the hotline runs, released when it stops (or when the process ends, however it ends) */
    private static RunningHotline start(Config config, Clock clock, DataDirLock lock) {
        Database database = openDatabase(config);
        // Instances starting at once on a new shared database: one publishes the first version and makes the first
        // admin, the others then find both.
        Catalog catalog = database.aloneAmongInstances("start-up", () -> {
            Catalog published = ContentStartup.published(new ContentStore(database, clock), config.promptsDir(),
                    new AuditLog(database, clock));
            FirstAdmin.createIfNoAccounts(new Accounts(database, new PasswordHasher(), clock), config.dataDir(),
                    config.localMode());
            return published;
        });
        String token = config.twilioAuthToken().orElseGet(() -> LocalToken.createIn(config.dataDir()));
        PublishedCatalog published = new PublishedCatalog(catalog);
        AdminLanes lanes = AdminLanes.standard();
        Javalin app = create(config, token, published, database, clock, lock::close, lanes);
        app.start(config.bindHost(), config.port());
        noteFallback(database, catalog, clock);
        log.info("Hotline answering on {}:{} (webhook base {}), content {} in {}. Admin: {}{}", config.bindHost(),
                app.port(), config.publicUrl(), catalog.version(), String.join(", ",
                        catalog.languages().stream().map(l -> l.code()).toList()), config.publicUrl(), AdminRoutes.HOME);
        return new RunningHotline(app, published, database, lanes);
    }

    /**
     * Names the JDK's own XML factories, which are the ones used anyway (no library here brings others): without a
     * name, every TwiML document built (answers not kept by {@code AnswerCache}, such as transfer outcomes) searches
     * every jar of the class path for a factory, under a lock that all webhooks share. A name set on the command line
     * is kept.
     */
    static void useTheJdksXmlFactories() {
        System.getProperties().putIfAbsent("javax.xml.parsers.DocumentBuilderFactory",
                "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        System.getProperties().putIfAbsent("javax.xml.transform.TransformerFactory",
                "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
    }

    /**
     * The fallback for the TwiML Bin, made from the content just loaded: its change is noted (a release may word it
     * differently) and, until an admin marks it pasted, the log says what to do. Never stops the hotline.
     */
    private static void noteFallback(Database database, Catalog catalog, Clock clock) {
        try {
            FallbackStatus.Status fallback = new FallbackStatus(database, clock).recordLive(catalog);
            if (!fallback.upToDate()) {
                log.warn("The fallback for when this server is down (fallback {}, changed in {}) is not marked as pasted "
                        + "into a TwiML Bin: print it with scripts/hotline fallback-twiml, paste it, and mark it pasted on "
                        + "the admin console's Publish page", fallback.fingerprint(), fallback.changedIn());
            }
        } catch (RuntimeException e) {
            log.error("Could not make the fallback TwiML; calls are answered as usual", e);
        }
    }

    private static Database openDatabase(Config config) {
        try {
            return Database.open(config.dataDir(), config.database(), ContentStartup.seedTimeZone(config.promptsDir()));
        } catch (RuntimeException e) {
            if (config.database().isPresent()) {
                throw new ConfigException(DatabaseSettings.URL, "names a database that cannot be used: " + e.getMessage());
            }
            throw new ConfigException(Config.DATA_DIR, "holds a database that cannot be opened or upgraded ("
                    + config.dataDir().resolve(Database.FILE_NAME) + "): " + e.getMessage());
        }
    }

    /** Creates the data directory readable by its owner only; with a Twilio token, refuses one that others can open. */
    private static void createDataDir(Config config) {
        try {
            if (!Files.isDirectory(config.dataDir())) {
                Files.createDirectories(config.dataDir(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigException(Config.DATA_DIR, "\"" + config.dataDir() + "\" cannot be created: " + e.getMessage());
        }
        if (!Files.isWritable(config.dataDir())) {
            throw new ConfigException(Config.DATA_DIR, "\"" + config.dataDir() + "\" is not writable");
        }
        config.requirePrivateDataDir();
    }
}
