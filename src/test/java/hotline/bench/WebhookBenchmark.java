package hotline.bench;

import hotline.accounts.Accounts;
import hotline.accounts.PasswordHasher;
import hotline.accounts.Role;
import hotline.db.Database;
import hotline.catalog.PromptDirectory;
import hotline.simulator.TwilioSigner;
import hotline.voice.VoiceRoutes;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/bench}: the hotline's webhooks under load, against a bare Javalin endpoint on the same machine.
 * Each server runs in its own JVM with the heap {@code scripts/run} sets (the hotline is started by scripts/run
 * itself); wrk drives them over loopback with the webhooks of many made-up calls ({@link CallMix}): different
 * CallSids and callers, every language, menus, topics, keys (some wrong), transfers and status callbacks, each
 * signed as Twilio signs it. Both servers stay up side by side and are measured in turns, so each round compares
 * the two under the same conditions of a shared machine; every figure is the median of the rounds, with the lowest
 * and highest. Also prints events written and dropped, resident memory, the time to the first answered call (the
 * median of several starts, after a restart and on a new data directory), and the mixed run: calls while staff sign
 * in, reload dashboards and publish ({@link AdminLoad}).
 */
public final class WebhookBenchmark {
    /** As scripts/run starts the hotline (the bare endpoint gets the same). */
    static final List<String> SERVER_JVM = List.of("-Xms64m", "-Xmx128m", "-XX:+UseSerialGC");
    static final String TOKEN = "bench0123456789abcdef0123456789ab";
    static final String METRICS_TOKEN = "bench-metrics-token-0123456789";

    record Load(int connections, int threads, int seconds) {
    }

    /**
     * @param cpuMicros the server process's CPU time (all its threads, the event writer's too) per answered request:
     *                  less moved by what else the machine runs than requests per second are
     */
    record Result(String name, double requestsPerSecond, double p50Millis, double p99Millis, long errors, double cpuMicros) {
    }

    /** The results of one measurement, repeated. */
    record Rounds(String name, List<Result> results) {
        double median(ToDoubleFunction<Result> figure) {
            return WebhookBenchmark.median(results.stream().mapToDouble(figure).toArray());
        }

        String spread(ToDoubleFunction<Result> figure, String format) {
            double[] values = results.stream().mapToDouble(figure).sorted().toArray();
            return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", WebhookBenchmark.median(values), values[0],
                    values[values.length - 1]);
        }

        long errors() {
            return results.stream().mapToLong(Result::errors).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Load load = new Load(intArg(args, "--connections", 50), intArg(args, "--threads", 2), intArg(args, "--seconds", 10));
        int repeats = intArg(args, "--repeats", 3);
        int starts = intArg(args, "--starts", 5);
        int callCount = intArg(args, "--calls", 2000);
        String classpath = System.getProperty("java.class.path");
        Path work = Files.createTempDirectory("hotline-bench");
        System.out.printf("wrk, %d connections, %d threads, %d s per run, %d rounds after a %d s warm-up of each; servers: "
                        + "java %s; %d cores; load average at the start: %s%n%n", load.connections(), load.threads(),
                load.seconds(), repeats, warmUp(load), String.join(" ", SERVER_JVM),
                Runtime.getRuntime().availableProcessors(), loadAverage());

        firstCalls(starts, work);

        int barePort = freePort();
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Map<String, String> env = env(port, work.resolve("data"));
        CallMix calls = CallMix.of(PromptDirectory.load(Path.of("prompts")), base, TOKEN, callCount, 15);
        String host = "127.0.0.1:" + port;
        Path incoming = CallMix.wrkScript(calls.incoming(), host, work.resolve("incoming.lua"));
        Path laterSteps = CallMix.wrkScript(calls.laterSteps(), host, work.resolve("steps.lua"));
        Path wholeCalls = CallMix.wrkScript(calls.all(), host, work.resolve("calls.lua"));
        System.out.printf("%n%,d made-up calls: %,d webhooks at /voice/incoming, %,d later ones (language menu, menus, "
                + "topics, transfers, status callbacks)%n", callCount, calls.incoming().size(), calls.laterSteps().size());

        Process bare = start(List.of("-cp", classpath, BareEndpoint.class.getName(), Integer.toString(barePort)), Map.of(), work, "bare");
        Process hotline = startWithScriptsRun(env, work);
        try {
            waitForPort(barePort);
            firstAnsweredCall(base, System.nanoTime());
            String bareUrl = "http://127.0.0.1:" + barePort;
            // Everything is warmed up before anything is measured: the JIT compiles code the webhooks share.
            wrk(bareUrl, wholeCalls, warmUp(load), load);
            wrk(base, incoming, warmUp(load), load);
            wrk(base, laterSteps, warmUp(load), load);
            List<Result> bareRuns = new ArrayList<>();
            List<Result> incomingRuns = new ArrayList<>();
            List<Result> stepRuns = new ArrayList<>();
            for (int round = 0; round < repeats; round++) {
                bareRuns.add(wrk("bare Javalin, same TwiML", bareUrl, wholeCalls, load, bare));
                incomingRuns.add(wrk("hotline /voice/incoming", base, incoming, load, hotline));
                stepRuns.add(wrk("hotline later steps", base, laterSteps, load, hotline));
            }
            Map<String, Double> metrics = metrics(base);
            long rss = status(hotline.pid(), "VmRSS");
            long peak = status(hotline.pid(), "VmHWM");
            System.out.printf("%nMedian of %d rounds (lowest–highest). \"of bare\": each round's hotline requests/s over that "
                    + "round's bare requests/s; \"by CPU\": the bare server's CPU time per request over the hotline's (all its "
                    + "threads, the event writer's too), which what else runs on the machine moves less%n", repeats);
            print(List.of(new Rounds("bare Javalin, same TwiML", bareRuns), new Rounds("hotline /voice/incoming", incomingRuns),
                    new Rounds("hotline later steps", stepRuns)), bareRuns, "of bare");
            System.out.printf("%nHotline after the runs: resident memory %d MB (peak %d MB); events written %,.0f, dropped %,.0f,"
                            + " still queued %,.0f%n", rss / 1024, peak / 1024, metrics.getOrDefault("hotline_events_written_total", -1.0),
                    metrics.getOrDefault("hotline_events_dropped_total", -1.0), metrics.getOrDefault("hotline_events_queued", -1.0));
            System.out.printf("Load average after the runs: %s%n", loadAverage());
            stop(bare);
            mixedRun(base, wholeCalls, load, repeats, work, hotline);
        } finally {
            stop(bare);
            stop(hotline);
        }
    }

    /**
     * The time from starting scripts/run to the first answered call, {@code starts} times each: on a new data directory
     * (migrations, the first version published from prompts/), and again on that directory, as after a restart.
     */
    private static void firstCalls(int starts, Path work) throws Exception {
        double[] fresh = new double[starts];
        double[] restart = new double[starts];
        for (int i = 0; i < starts; i++) {
            int port = freePort();
            Map<String, String> env = env(port, work.resolve("first-call-" + i));
            String base = "http://127.0.0.1:" + port;
            for (int time = 0; time < 2; time++) {
                long spawned = System.nanoTime();
                Process hotline = startWithScriptsRun(env, work);
                try {
                    (time == 0 ? fresh : restart)[i] = firstAnsweredCall(base, spawned);
                } finally {
                    stop(hotline);
                }
            }
        }
        System.out.printf(Locale.ROOT, "First call answered after scripts/run was started, median of %d starts (lowest–highest):%n"
                + "  after a restart:        %.2f s (%.2f–%.2f)%n  on a new data directory: %.2f s (%.2f–%.2f)%n", starts,
                median(restart), min(restart), max(restart), median(fresh), min(fresh), max(fresh));
    }

    private static Map<String, String> env(int port, Path dataDir) {
        return Map.of("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PORT", Integer.toString(port),
                "HOTLINE_PUBLIC_URL", "http://127.0.0.1:" + port, "HOTLINE_DATA_DIR", dataDir.toString(),
                "HOTLINE_PROMPTS_DIR", Path.of("prompts").toAbsolutePath().toString(), "HOTLINE_METRICS_TOKEN", METRICS_TOKEN,
                "HOTLINE_ALLOW_HTTP", "1");
    }

    /**
     * Whole calls while staff sign in again and again (a password hash each), reload dashboards and publish now and
     * then: the webhooks' p99 must stay as it is without them (goal: under 10 ms). Calls alone and calls with the admin
     * load are measured in turns, as on a shared machine what else runs changes from minute to minute.
     */
    private static void mixedRun(String base, Path calls, Load load, int repeats, Path work, Process hotline) throws Exception {
        String password = "bench admin password 0123";
        Database database = Database.openIn(work.resolve("data"));
        new Accounts(database, new PasswordHasher(), Clock.systemUTC()).create("bench-admin", Role.ADMIN, password, false);
        List<Result> alone = new ArrayList<>();
        List<Result> mixed = new ArrayList<>();
        Map<String, Long> answers = new TreeMap<>();
        for (int round = 0; round < repeats; round++) {
            alone.add(wrk("whole calls, alone", base, calls, load, hotline));
            try (AdminLoad admin = new AdminLoad(base, "bench-admin", password)) {
                Thread.sleep(2_000); // the admin load under way before the measuring starts
                mixed.add(wrk("whole calls, admin load too", base, calls, load, hotline));
                admin.answers().forEach((kind, count) -> answers.merge(kind, count, Long::sum));
            }
        }
        System.out.printf("%nMixed run: whole calls alone, then while %d loops sign in again and again, %d reload the "
                + "dashboard, one publishes every 5 s; median of %d rounds (lowest–highest)%n", AdminLoad.SIGN_IN_LOOPS,
                AdminLoad.DASHBOARD_LOOPS, repeats);
        Rounds mixedRounds = new Rounds("whole calls, admin load too", mixed);
        print(List.of(new Rounds("whole calls, alone", alone), mixedRounds), alone, "of alone");
        System.out.printf("Admin answers during the runs (kind, status: count): %s%n", answers);
        double p99 = mixedRounds.median(Result::p99Millis);
        System.out.printf(Locale.ROOT, "Webhook p99 with admin load: %.2f ms median (goal: under 10 ms): %s. Load average "
                + "at the end: %s%n", p99, p99 < 10 && mixedRounds.errors() == 0 ? "met" : "NOT met", loadAverage());
    }

    private static int warmUp(Load load) {
        return Math.max(5, load.seconds() / 2);
    }

    private static void wrk(String url, Path script, int seconds, Load load) throws IOException, InterruptedException {
        run(List.of("wrk", "-t" + load.threads(), "-c" + load.connections(), "-d" + seconds + "s", "-s", script.toString(), url));
    }

    private static Result wrk(String name, String url, Path script, Load load, Process server)
            throws IOException, InterruptedException {
        long cpuBefore = cpuTicks(server.pid());
        String out = run(List.of("wrk", "-t" + load.threads(), "-c" + load.connections(), "-d" + load.seconds() + "s",
                "--latency", "-s", script.toString(), url));
        long cpu = cpuTicks(server.pid()) - cpuBefore;
        double requests = number(out, "(\\d+) requests in");
        return new Result(name, number(out, "Requests/sec:\\s+([0-9.]+)"), millis(out, "50%"), millis(out, "99%"),
                errors(out), cpu * 1e6 / TICKS_PER_SECOND / requests);
    }

    /** Clock ticks per second of /proc/PID/stat's CPU times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    /** User and system CPU time of a process, all threads, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15
    }

    /**
     * @param ceilings the runs the share column divides by, round by round
     */
    private static void print(List<Rounds> rows, List<Result> ceilings, String share) {
        System.out.printf("%-28s %24s %20s %20s %18s %22s %18s %7s%n", "endpoint", "requests/s", "p50 ms", "p99 ms", share,
                "server CPU µs/request", share + ", by CPU", "errors");
        for (Rounds row : rows) {
            double[] shares = new double[row.results().size()];
            double[] cpuShares = new double[row.results().size()];
            for (int i = 0; i < shares.length; i++) {
                shares[i] = row.results().get(i).requestsPerSecond() / ceilings.get(i).requestsPerSecond();
                cpuShares[i] = ceilings.get(i).cpuMicros() / row.results().get(i).cpuMicros();
            }
            System.out.printf(Locale.ROOT, "%-28s %24s %20s %20s %18s %22s %18s %7d%n", row.name(),
                    row.spread(Result::requestsPerSecond, "%,.0f"), row.spread(Result::p50Millis, "%.2f"),
                    row.spread(Result::p99Millis, "%.2f"), spread(shares), row.spread(Result::cpuMicros, "%.0f"),
                    spread(cpuShares), row.errors());
        }
    }

    private static String spread(double[] values) {
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median(values), min(values), max(values));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /** Time to the first answered call: one signed /voice/incoming, tried every 5 ms until it is answered. */
    private static double firstAnsweredCall(String base, long spawned) throws InterruptedException {
        String url = base + VoiceRoutes.INCOMING;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("CallSid", "CA" + "b".repeat(32));
        params.put("From", "+15555550100");
        params.put("To", "+15555550199");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, url, params))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.formBody(params))).build();
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
        if (process.isAlive()) {
            process.destroy();
        }
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
