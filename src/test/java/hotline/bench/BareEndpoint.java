package hotline.bench;

import hotline.catalog.Catalog;
import hotline.catalog.PromptDirectory;
import hotline.voice.CallFlow;
import hotline.voice.StepUrls;

import io.javalin.Javalin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The ceiling for {@code scripts/bench}: Javalin answering every POST with one constant TwiML document, with no
 * signature check, no form parsing, no state and no metrics. The document is the hotline's own language menu,
 * built once, so both send the same bytes and the difference is the hotline's work per request.
 * Run in its own JVM with the hotline's heap settings.
 */
public final class BareEndpoint {
    private BareEndpoint() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Catalog catalog = PromptDirectory.load(Path.of("prompts"));
        byte[] twiml = new CallFlow(new StepUrls(URI.create("http://127.0.0.1:" + port))).incoming(catalog).twiml()
                .toXml().getBytes(StandardCharsets.UTF_8);
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/*", ctx -> ctx.contentType("application/xml; charset=utf-8").result(twiml));
        }).start("127.0.0.1", port);
    }
}
