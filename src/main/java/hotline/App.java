package hotline;

import hotline.accounts.AccessControl;
import hotline.accounts.AccountRoutes;
import hotline.accounts.Accounts;
import hotline.accounts.AccountsController;
import hotline.accounts.FirstAdmin;
import hotline.accounts.LoginController;
import hotline.accounts.PasswordHasher;
import hotline.accounts.SessionEnd;
import hotline.accounts.Sessions;
import hotline.admin.AdminRoutes;
import hotline.content.ContentStartup;
import hotline.content.ContentStore;
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
import hotline.config.Config;
import hotline.config.ConfigException;
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
import hotline.operations.OperationsMetrics;
import hotline.operations.HealthController;
import hotline.web.RequestLog;
import hotline.web.SecurityHeaders;
import hotline.web.KeptForms;
import hotline.web.TooLargeUpload;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;

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
        CallEventWriter events = new CallEventWriter(database, clock, config.retention());
        CallsInProgress calls = new CallsInProgress();
        VoiceController voice = new VoiceController(catalog, new CallFlow(new StepUrls(config.publicUrl())), events, calls, clock);
        OperationsMetrics operations = new OperationsMetrics(events, calls, catalog, clock);
        MetricsController metricsPage = new MetricsController(operations, config.metricsToken());
        TwilioSignatureCheck signatures = new TwilioSignatureCheck(authToken, config.publicUrl());
        HealthController health = new HealthController(catalog, events);

        AuditLog audit = new AuditLog(database, clock);
        Accounts accounts = new Accounts(database, new PasswordHasher(), clock);
        Sessions sessions = new Sessions(database, clock);
        KeptForms kept = new KeptForms(database, clock);
        SessionEnd sessionEnd = new SessionEnd(sessions, kept);
        AccountsController accountPages = new AccountsController(accounts, sessions, audit, kept, clock);
        AccessControl access = new AccessControl(accounts, sessions, sessionEnd);
        LoginController login = new LoginController(accounts, sessions, audit, config.publicUrl().getScheme().equals("https"),
                () -> FirstAdmin.forgetPasswordFile(config.dataDir()), kept);

        ContentStore content = new ContentStore(database, clock);
        RecordingStore recordingFiles = new RecordingStore(config.dataDir());
        Publisher publisher = new Publisher(content, catalog, audit, recordingFiles::has,
                new AnswerRehearsal(new StepUrls(config.publicUrl())), clock);
        RecordingsController recordings = new RecordingsController(content, recordingFiles, kept);
        AudioController audio = new AudioController(recordingFiles);
        OverviewController overview = new OverviewController(content, publisher, catalog, kept);
        PromptsController prompts = new PromptsController(content, audit, kept);
        KeptController keptPages = new KeptController(kept, content, catalog);
        LinesController lines = new LinesController(content, kept);
        CallStatistics statistics = new CallStatistics(database);
        StepUrls urls = new StepUrls(config.publicUrl());
        LanguagesController languages = new LanguagesController(content, audit, statistics, urls, clock, kept);
        VersionsController versions = new VersionsController(content, publisher, catalog, kept);
        PreviewController preview = new PreviewController(content, urls, clock);
        FilesController files = new FilesController(content, audit, kept);
        AuditController auditPage = new AuditController(audit, () -> catalog.get().timeZone());
        DashboardController dashboard = new DashboardController(new Reports(statistics, catalog,
                new SmallCounts(config.smallCountThreshold())), catalog, clock, config.smallCountThreshold());

        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.jetty.multipartConfig.maxFileSize(8, SizeUnit.MB);
            javalin.jetty.multipartConfig.maxTotalRequestSize(9, SizeUnit.MB);
            javalin.jsonMapper(new JavalinJackson());
            javalin.requestLogger.http((ctx, millis) -> {
                RequestLog.log(ctx, millis);
                operations.requestHandled(ctx, millis);
            });
            javalin.staticFiles.add(statics -> {
                statics.hostedPath = "/static";
                statics.directory = "/static";
                statics.location = Location.CLASSPATH;
            });
            javalin.staticFiles.enableWebjars();
            javalin.events.serverStarted(events::start);
            javalin.events.serverStopped(events::close);

            javalin.routes.before(SecurityHeaders::apply);
            javalin.routes.before(access::check);

            javalin.routes.beforeMatched(VoiceRoutes.PREFIX + "*", signatures);
            javalin.routes.post(VoiceRoutes.INCOMING, voice::incoming);
            javalin.routes.post(VoiceRoutes.LANGUAGE, voice::step);
            javalin.routes.post(VoiceRoutes.MENU, voice::step);
            javalin.routes.post(VoiceRoutes.TRANSFER_RESULT, voice::step);
            javalin.routes.post(VoiceRoutes.STATUS, voice::status);
            javalin.routes.post(VoiceRoutes.WHISPER, voice::whisper);
            javalin.routes.get(HealthController.PATH, health::show);
            javalin.routes.get(MetricsController.PATH, metricsPage::show);
            javalin.routes.get(AudioController.PATH, audio::serve);

            javalin.routes.get(AccountRoutes.LOGIN, login::loginForm);
            javalin.routes.post(AccountRoutes.LOGIN, login::login);
            javalin.routes.post(AccountRoutes.LOGOUT, login::logout);
            javalin.routes.get(AccountRoutes.PASSWORD, login::passwordForm);
            javalin.routes.post(AccountRoutes.PASSWORD, login::changePassword);
            javalin.routes.get(AccountRoutes.ACCOUNTS, accountPages::list);
            javalin.routes.post(AccountRoutes.ACCOUNTS, accountPages::add);
            javalin.routes.post(AccountRoutes.ACCOUNTS + "/{name}", accountPages::change);
            javalin.routes.get(AccountRoutes.RESET_PASSWORD, accountPages::confirmReset);
            javalin.routes.post(AccountRoutes.STAY_SIGNED_IN, sessionEnd::stay);
            javalin.routes.get(AccountRoutes.KEPT, keptPages::show);
            javalin.routes.post(AccountRoutes.KEPT, keptPages::forget);

            javalin.routes.get(AdminRoutes.HOME, overview::show);
            javalin.routes.post(AdminRoutes.PUBLISH, overview::publish);
            javalin.routes.get(AdminRoutes.DISCARD, overview::confirmDiscard);
            javalin.routes.post(AdminRoutes.DISCARD, overview::discard);
            javalin.routes.get(AdminRoutes.REVERT, overview::confirmRevert);
            javalin.routes.post(AdminRoutes.REVERT, overview::revert);
            javalin.routes.get(AdminRoutes.PROMPTS, prompts::show);
            javalin.routes.post(AdminRoutes.PROMPTS, prompts::save);
            javalin.routes.get(AdminRoutes.LINES, lines::list);
            javalin.routes.get(AdminRoutes.LINE, lines::edit);
            javalin.routes.post(AdminRoutes.LINE, lines::save);
            javalin.routes.post(AdminRoutes.LINE_MOVE, lines::move);
            javalin.routes.get(AdminRoutes.LINE_DELETE, lines::confirmDelete);
            javalin.routes.post(AdminRoutes.LINE_DELETE, lines::delete);
            javalin.routes.post(AdminRoutes.DIRECTORY, lines::saveSettings);
            javalin.routes.get(AdminRoutes.LANGUAGES, languages::show);
            javalin.routes.post(AdminRoutes.LANGUAGES, languages::save);
            javalin.routes.post(AdminRoutes.LANGUAGE_MOVE, languages::move);
            javalin.routes.post(AdminRoutes.LANGUAGE_ADD, languages::add);
            javalin.routes.post(AdminRoutes.LANGUAGE_ORDER_BY_USE, languages::orderByUse);
            javalin.routes.get(RecordingsController.PAGE, recordings::show);
            javalin.routes.post(RecordingsController.PAGE, recordings::upload);
            javalin.routes.post(RecordingsController.REMOVE, recordings::remove);
            javalin.routes.get(AdminRoutes.VERSIONS, versions::list);
            javalin.routes.get(AdminRoutes.DIFF, versions::diff);
            javalin.routes.get(AdminRoutes.ROLLBACK, versions::confirmRollback);
            javalin.routes.post(AdminRoutes.ROLLBACK, versions::rollback);
            javalin.routes.get(AdminRoutes.PREVIEW, preview::show);
            javalin.routes.get(AdminRoutes.FILES, files::show);
            javalin.routes.get(AdminRoutes.EXPORT, files::export);
            javalin.routes.post(AdminRoutes.IMPORT, files::importFiles);
            javalin.routes.get(AdminRoutes.IMPORT_CONFIRM, files::confirmImport);
            javalin.routes.post(AdminRoutes.IMPORT_CONFIRM, files::applyImport);
            javalin.routes.get(AdminRoutes.AUDIT, auditPage::show);

            javalin.routes.get(DashboardController.PAGE, dashboard::page);
            javalin.routes.get(DashboardController.DATA, dashboard::data);
            javalin.routes.get(DashboardController.CSV, dashboard::csv);

            javalin.routes.exception(Exception.class, (error, ctx) -> {
                if (ctx.path().startsWith(VoiceRoutes.PREFIX)) {
                    voice.safetyNet(error, ctx);
                } else if (TooLargeUpload.causedBy(error)) {
                    TooLargeUpload.refuse(ctx);
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
            Javalin app = start(config, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
            if (config.localMode()) {
                log.info("Local mode: no {} set, so only this machine can call in. Try a call: scripts/simulate-call",
                        Config.AUTH_TOKEN);
            }
        } catch (ConfigException | CatalogException e) {
            System.err.println("Hotline cannot start.\n" + e.getMessage());
            System.exit(2);
        }
    }

    /** Opens the data directory, loads what callers hear, and starts answering: what {@link #main} and the warm-up of {@code scripts/run} and the tests do. */
    public static Javalin start(Config config, Clock clock) {
        createDataDir(config);
        Database database = openDatabase(config);
        Catalog catalog = ContentStartup.published(new ContentStore(database, clock), config.promptsDir(),
                new AuditLog(database, clock));
        FirstAdmin.createIfNoAccounts(new Accounts(database, new PasswordHasher(), clock), config.dataDir(),
                config.localMode());
        String token = config.twilioAuthToken().orElseGet(() -> LocalToken.createIn(config.dataDir()));
        Javalin app = create(config, token, new PublishedCatalog(catalog), database, clock);
        app.start(config.bindHost(), config.port());
        log.info("Hotline answering on {}:{} (webhook base {}), content {} in {}. Admin: {}{}", config.bindHost(),
                app.port(), config.publicUrl(), catalog.version(), String.join(", ",
                        catalog.languages().stream().map(l -> l.code()).toList()), config.publicUrl(), AdminRoutes.HOME);
        return app;
    }

    private static Database openDatabase(Config config) {
        try {
            return Database.openIn(config.dataDir(), ContentStartup.timeZone(config.promptsDir()));
        } catch (RuntimeException e) {
            throw new ConfigException(Config.DATA_DIR, "holds a database that cannot be opened or upgraded ("
                    + config.dataDir().resolve(Database.FILE_NAME) + "): " + e.getMessage());
        }
    }

    private static void createDataDir(Config config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new ConfigException(Config.DATA_DIR, "\"" + config.dataDir() + "\" cannot be created: " + e.getMessage());
        }
        if (!Files.isWritable(config.dataDir())) {
            throw new ConfigException(Config.DATA_DIR, "\"" + config.dataDir() + "\" is not writable");
        }
    }
}
