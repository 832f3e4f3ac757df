package hotline.bench;

import hotline.accounts.Accounts;
import hotline.accounts.PasswordHasher;
import hotline.accounts.Role;
import hotline.db.Database;
import hotline.simulator.TwilioSigner;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/bench}: the hotline's two busiest webhooks under load, against a bare Javalin endpoint on the same
 * machine. Each server runs in its own JVM with the heap {@code scripts/run} sets; wrk drives it over loopback with
 * requests signed as Twilio signs them. Prints requests per second, p50 and p99 latency, the share of the bare
 * endpoint's throughput, events written and dropped, resident memory, and the time to the first answered call;
 * then the mixed run: {@code /voice/incoming} again while staff sign in, reload dashboards and publish
 * ({@link AdminLoad}), and the webhook p99 under it.
 */
public final class WebhookBenchmark {
    /** As scripts/run starts the hotline (the bare endpoint gets the same). */
    static final List<String> SERVER_JVM = List.of("-Xms64m", "-Xmx128m", "-XX:+UseSerialGC");
    static final String TOKEN = "bench0123456789abcdef0123456789ab";
    static final String METRICS_TOKEN = "bench-metrics-token-0123456789";

    record Load(int connections, int threads, int seconds) {
    }

    record Result(String name, double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
    }

    public static void main(String[] args) throws Exception {
        Load load = new Load(intArg(args, "--connections", 50), intArg(args, "--threads", 2), intArg(args, "--seconds", 20));
        String classpath = System.getProperty("java.class.path");
        Path work = Files.createTempDirectory("hotline-bench");
        System.out.printf("wrk, %d connections, %d threads, %d s per run after a %d s warm-up of each; servers: java %s%n%n",
                load.connections(), load.threads(), load.seconds(), warmUp(load), String.join(" ", SERVER_JVM));

        int barePort = freePort();
        List<Result> results = new ArrayList<>();
        Process bare = start(List.of("-cp", classpath, BareEndpoint.class.getName(), Integer.toString(barePort)), Map.of(), work, "bare");
        try {
            waitForPort(barePort);
            String url = "http://127.0.0.1:" + barePort + "/voice/incoming";
            warm(url, Map.of(), load, work);
            results.add(wrk("bare Javalin, same TwiML", url, Map.of(), load, work));
        } finally {
            stop(bare);
        }

        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Map<String, String> env = Map.of("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PORT", Integer.toString(port),
                "HOTLINE_PUBLIC_URL", base, "HOTLINE_DATA_DIR", work.resolve("data").toString(),
                "HOTLINE_PROMPTS_DIR", Path.of("prompts").toAbsolutePath().toString(), "HOTLINE_METRICS_TOKEN", METRICS_TOKEN,
                "HOTLINE_ALLOW_HTTP", "1");
        long spawned = System.nanoTime();
        Process hotline = startWithScriptsRun(env, work);
        try {
            Map<String, String> call = twilioParams();
            double firstCallSeconds = firstAnsweredCall(base + "/voice/incoming", call, spawned);
            Map<String, String> press = new LinkedHashMap<>(call);
            press.put("Digits", "1");
            String mainMenu = "/voice/menu?lang=en-US&menu=main&tries=0";
            // Both webhooks are warmed up before either is measured: the JIT compiles code they share.
            warm(base + "/voice/incoming", call, load, work);
            warm(base + mainMenu, press, load, work);
            results.add(wrk("hotline /voice/incoming", base + "/voice/incoming", call, load, work));
            results.add(wrk("hotline main menu, key 1", base + mainMenu, press, load, work));

            Map<String, Double> metrics = metrics(base);
            long rss = status(hotline.pid(), "VmRSS");
            long peak = status(hotline.pid(), "VmHWM");
            print(results, load);
            System.out.printf("%nHotline after the runs: resident memory %d MB (peak %d MB); events written %,.0f, dropped %,.0f,"
                            + " still queued %,.0f%n", rss / 1024, peak / 1024, metrics.getOrDefault("hotline_events_written_total", -1.0),
                    metrics.getOrDefault("hotline_events_dropped_total", -1.0), metrics.getOrDefault("hotline_events_queued", -1.0));
            System.out.printf("First call answered %.2f s after scripts/run was started, on a new data directory%n", firstCallSeconds);

            mixedRun(base, call, load, work);
        } finally {
            stop(hotline);
        }
        long restarted = System.nanoTime();
        Process again = startWithScriptsRun(env, work);
        try {
            System.out.printf("First call answered %.2f s after scripts/run was started again, as after a restart%n",
                    firstAnsweredCall(base + "/voice/incoming", twilioParams(), restarted));
        } finally {
            stop(again);
        }
    }

    /**
     * Calls while staff sign in again and again (a password hash each), reload dashboards and publish now and then:
     * the webhooks' p99 must stay as it is without them (goal: under 10 ms).
     */
    private static void mixedRun(String base, Map<String, String> call, Load load, Path work) throws Exception {
        String password = "bench admin password 0123";
        Database database = Database.openIn(work.resolve("data"));
        new Accounts(database, new PasswordHasher(), Clock.systemUTC()).create("bench-admin", Role.ADMIN, password, false);
        // Calls alone again, right before: on a shared machine, what else runs changes from minute to minute.
        Result callsAlone = wrk("/voice/incoming, calls alone", base + "/voice/incoming", call, load, work);
        Result mixed;
        Map<String, Long> answers;
        try (AdminLoad admin = new AdminLoad(base, "bench-admin", password)) {
            Thread.sleep(2_000); // the admin load under way before the measuring starts
            mixed = wrk("/voice/incoming, admin load too", base + "/voice/incoming", call, load, work);
            answers = admin.answers();
        }
        System.out.printf("%nMixed run: calls alone, then calls while %d loops sign in again and again, %d reload the "
                + "dashboard, one publishes every 5 s%n", AdminLoad.SIGN_IN_LOOPS, AdminLoad.DASHBOARD_LOOPS);
        print(List.of(callsAlone, mixed), load, callsAlone.requestsPerSecond(), "of alone");
        System.out.printf("Admin answers during the run (kind, status: count): %s%n", answers);
        System.out.printf(Locale.ROOT, "Webhook p99 with admin load: %.2f ms (goal: under 10 ms): %s. Load average "
                        + "of the machine at the end: %s%n", mixed.p99Millis(), mixed.p99Millis() < 10 && mixed.errors() == 0
                        ? "met" : "NOT met", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static int warmUp(Load load) {
        return Math.max(5, load.seconds() / 2);
    }

    /** The parameters Twilio sends with an incoming call, including the caller's (made-up) number, as in life. */
    private static Map<String, String> twilioParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", "CA" + "b".repeat(32));
        params.put("CallStatus", "in-progress");
        params.put("Called", "+15555550199");
        params.put("Caller", "+15555550100");
        params.put("Direction", "inbound");
        params.put("From", "+15555550100");
        params.put("To", "+15555550199");
        return params;
    }

    private static void warm(String url, Map<String, String> params, Load load, Path work) throws IOException, InterruptedException {
        run(List.of("wrk", "-t" + load.threads(), "-c" + load.connections(), "-d" + warmUp(load) + "s", "-s",
                script(url, params, work).toString(), url));
    }

    private static Result wrk(String name, String url, Map<String, String> params, Load load, Path work)
            throws IOException, InterruptedException {
        String out = run(List.of("wrk", "-t" + load.threads(), "-c" + load.connections(), "-d" + load.seconds() + "s",
                "--latency", "-s", script(url, params, work).toString(), url));
        return new Result(name, number(out, "Requests/sec:\\s+([0-9.]+)"), millis(out, "50%"), millis(out, "99%"),
                errors(out));
    }

    /** A wrk script that POSTs the same form, signed for {@code url} as Twilio would sign it. */
    private static Path script(String url, Map<String, String> params, Path work) throws IOException {
        String body = TwilioSigner.formBody(params);
        String lua = "wrk.method = \"POST\"\nwrk.body = \"" + body + "\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n"
                + "wrk.headers[\"X-Twilio-Signature\"] = \"" + TwilioSigner.sign(TOKEN, url, params) + "\"\n";
        Path script = work.resolve("request.lua");
        Files.writeString(script, lua);
        return script;
    }

    private static void print(List<Result> results, Load load) {
        print(results, load, results.get(0).requestsPerSecond(), "of bare");
    }

    /** @param ceiling the requests per second the share column (named {@code share}) divides by */
    private static void print(List<Result> results, Load load, double ceiling, String share) {
        System.out.printf("%-32s %12s %9s %9s %8s %7s%n", "endpoint", "requests/s", "p50 ms", "p99 ms", share, "errors");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-32s %,12.0f %9.2f %9.2f %8.2f %7d%n", r.name(), r.requestsPerSecond(), r.p50Millis(),
                    r.p99Millis(), r.requestsPerSecond() / ceiling, r.errors());
        }
    }

    private static double firstAnsweredCall(String url, Map<String, String> params, long spawned) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String body = TwilioSigner.formBody(params);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, url, params)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 0; attempt < 3000; attempt++) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return (System.nanoTime() - spawned) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the hotline did not answer within 15 s; see its output above");
    }

    private static Map<String, Double> metrics(String base) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Authorization", "Bearer " + METRICS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher m = Pattern.compile("^(hotline_[a-z_]+) ([0-9.eE+-]+)$").matcher(line);
            if (m.find()) {
                values.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return values;
    }

    /** A field of /proc/PID/status, in kB. */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** The hotline as operators start it: scripts/run, which execs java with its heap settings and class archive. */
    private static Process startWithScriptsRun(Map<String, String> env, Path work) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("scripts/run").redirectErrorStream(true)
                .redirectOutput(work.resolve("hotline.log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Process start(List<String> args, Map<String, String> env, Path work, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(SERVER_JVM);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 3000; attempt++) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A latency percentile line of wrk --latency, such as "99%    3.21ms", in milliseconds. */
    private static double millis(String out, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /** Non-2xx answers and socket errors together; any is a failed run. */
    private static long errors(String out) {
        long errors = 0;
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        return errors;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
