package hotline;

import hotline.catalog.Catalog;
import hotline.catalog.CatalogException;
import hotline.catalog.PromptDirectory;
import hotline.catalog.PublishedCatalog;
import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.config.LocalToken;
import hotline.db.Database;
import hotline.metrics.CallEventWriter;
import hotline.voice.CallFlow;
import hotline.voice.StepUrls;
import hotline.voice.TwilioSignatureCheck;
import hotline.voice.VoiceController;
import hotline.voice.VoiceRoutes;
import hotline.web.HealthController;
import hotline.web.RequestLog;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.function.Supplier;

/** Builds the hotline (one place wires everything by hand) and, in {@link #main}, starts it. */
public final class App {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** Twilio's webhook bodies are a few kilobytes; anything much larger is not Twilio. */
    static final long MAX_REQUEST_BYTES = 64 * 1024;

    private App() {
    }

    /** The unstarted app; tests call this too. Starting it starts the event writer; stopping it flushes it. */
    public static Javalin create(Config config, String authToken, Supplier<Catalog> catalog, Database database,
                                 Clock clock) {
        CallEventWriter events = new CallEventWriter(database, clock, config.retention());
        VoiceController voice = new VoiceController(catalog, new CallFlow(new StepUrls(config.publicUrl())), events, clock);
        TwilioSignatureCheck signatures = new TwilioSignatureCheck(authToken, config.publicUrl());
        HealthController health = new HealthController(catalog, events);

        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.events.serverStarted(events::start);
            javalin.events.serverStopped(events::close);
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.jsonMapper(new JavalinJackson());
            javalin.requestLogger.http(RequestLog::log);

            javalin.routes.beforeMatched(VoiceRoutes.PREFIX + "*", signatures);
            javalin.routes.post(VoiceRoutes.INCOMING, voice::incoming);
            javalin.routes.post(VoiceRoutes.LANGUAGE, voice::step);
            javalin.routes.post(VoiceRoutes.MENU, voice::step);
            javalin.routes.post(VoiceRoutes.TRANSFER_RESULT, voice::step);
            javalin.routes.post(VoiceRoutes.STATUS, voice::status);
            javalin.routes.get(HealthController.PATH, health::show);

            javalin.routes.exception(Exception.class, (error, ctx) -> {
                if (ctx.path().startsWith(VoiceRoutes.PREFIX)) {
                    voice.safetyNet(error, ctx);
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
            createDataDir(config);
            Catalog catalog = PromptDirectory.load(config.promptsDir());
            Database database = openDatabase(config, catalog);
            String token = config.twilioAuthToken().orElseGet(() -> LocalToken.createIn(config.dataDir()));
            Javalin app = create(config, token, new PublishedCatalog(catalog), database, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
            app.start(config.bindHost(), config.port());
            log.info("Hotline answering on {}:{} (webhook base {}), content {} in {}", config.bindHost(), app.port(),
                    config.publicUrl(), catalog.version(), String.join(", ",
                            catalog.languages().stream().map(l -> l.code()).toList()));
            if (config.localMode()) {
                log.info("Local mode: no {} set, so only this machine can call in. Try a call: scripts/simulate-call",
                        Config.AUTH_TOKEN);
            }
        } catch (ConfigException | CatalogException e) {
            System.err.println("Hotline cannot start.\n" + e.getMessage());
            System.exit(2);
        }
    }

    private static Database openDatabase(Config config, Catalog catalog) {
        try {
            return Database.openIn(config.dataDir(), catalog.timeZone());
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
