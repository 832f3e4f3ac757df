package hotline.simulator;

import hotline.App;
import hotline.RunningHotline;
import hotline.config.Config;
import hotline.config.LocalToken;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the whole hotline on a scratch data directory, plays one call and opens the sign-in page, then stops.
 * {@code scripts/run} runs it once per build with {@code -XX:ArchiveClassesAtExit}, so that every later start
 * loads the classes it needs from that archive instead of the jar: about half a second sooner on a small machine,
 * which is how long the first caller after a restart waits.
 */
public final class Warmup {
    private Warmup() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("hotline-warmup");
        int port = freePort();
        // Local mode: on loopback only, with a token of its own in the scratch directory.
        Config config = Config.fromMap(Map.of(Config.DATA_DIR, data.toString(), Config.PORT, Integer.toString(port),
                Config.PROMPTS_DIR, System.getenv().getOrDefault(Config.PROMPTS_DIR, "prompts")));
        RunningHotline app = App.start(config, Clock.systemUTC());
        try {
            String base = config.publicUrl().toString();
            String token = LocalToken.readFrom(data);
            HttpClient http = HttpClient.newHttpClient();
            new SimulatedCall(http, base, base, token, SimulatedCall.twilioParams("CA" + "0".repeat(32),
                    CallSimulator.DEFAULT_FROM, CallSimulator.DEFAULT_TO), line -> { })
                    .run(ScriptedCaller.parse("1 1 # 5 1 answered"));
            for (String page : new String[]{"/admin/login", "/healthz"}) {
                http.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            app.stop();
            delete(data);
        }
        System.exit(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
