package hotline.bench;

import hotline.simulator.TwilioSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin side of {@code scripts/bench}'s mixed run, as busy staff would make it and busier: people signing in
 * (each sign-in a password hash), dashboards loaded again and again, and now and then a publish. It counts the
 * answers it gets by kind and status; the webhooks' latency under it is what the run measures.
 */
final class AdminLoad implements AutoCloseable {
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"login_token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final int SIGN_IN_LOOPS = 4;
    static final int DASHBOARD_LOOPS = 2;

    private final String base;
    private final String name;
    private final String password;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentMap<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final List<Thread> threads;

    AdminLoad(String base, String name, String password) {
        this.base = base;
        this.name = name;
        this.password = password;
        this.threads = new java.util.ArrayList<>();
        for (int i = 0; i < SIGN_IN_LOOPS; i++) {
            long startAfter = 300L * i; // people do not all press the button in the same millisecond
            threads.add(new Thread(() -> signInAgainAndAgain(startAfter), "bench-sign-in-" + i));
        }
        for (int i = 0; i < DASHBOARD_LOOPS; i++) {
            threads.add(new Thread(this::dashboardAgainAndAgain, "bench-dashboard-" + i));
        }
        threads.add(new Thread(this::publishNowAndThen, "bench-publish"));
        threads.forEach(Thread::start);
    }

    /** What came back, by kind of work and status, such as {@code sign-in 303=812}. */
    Map<String, Long> answers() {
        Map<String, Long> counts = new TreeMap<>();
        answers.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** One browser signing in again and again, as a person who signed in before (it keeps its device cookie). */
    private void signInAgainAndAgain(long startAfterMillis) {
        sleep(startAfterMillis);
        Browser browser = new Browser();
        while (running.get()) {
            int status = browser.signIn(name, password);
            count("sign-in", status);
            if (status == 429 || status == 503) {
                sleep(browser.retryAfterMillis); // told to wait: a person would
            }
        }
    }

    private void dashboardAgainAndAgain() {
        Browser staff = signedIn();
        while (running.get()) {
            count("dashboard", staff.get("/dashboard"));
            count("dashboard data", staff.get("/dashboard/data"));
        }
    }

    private void publishNowAndThen() {
        Browser admin = signedIn();
        while (running.get()) {
            String page = admin.page("/admin");
            Matcher csrf = CSRF.matcher(page);
            if (csrf.find()) {
                count("publish", admin.post("/admin/publish", Map.of("csrf", csrf.group(1), "note", "benchmark")));
            }
            sleep(5_000);
        }
    }

    /** A browser signed in, however many tries that takes while the sign-ins crowd the password lane. */
    private Browser signedIn() {
        Browser browser = new Browser();
        while (running.get() && browser.signIn(name, password) != 303) {
            sleep(200);
        }
        return browser;
    }

    private void count(String kind, int status) {
        answers.computeIfAbsent(kind + " " + status, k -> new AtomicLong()).incrementAndGet();
    }

    private void sleep(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (running.get() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Just enough of a browser: its cookies, the sign-in form's token. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private long retryAfterMillis;

        int signIn(String account, String secret) {
            Matcher token = LOGIN_TOKEN.matcher(page("/admin/login"));
            if (!token.find()) {
                return 0;
            }
            return post("/admin/login", Map.of("login_token", token.group(1), "name", account, "password", secret, "next", ""));
        }

        String page(String path) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            return response == null ? "" : response.body();
        }

        int get(String path) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            return response == null ? 0 : response.statusCode();
        }

        int post(String path, Map<String, String> form) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.formBody(form))));
            return response == null ? 0 : response.statusCode();
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                retryAfterMillis = 1000 * response.headers().firstValue("Retry-After").filter(v -> v.matches("[0-9]{1,4}"))
                        .map(Long::parseLong).orElse(0L);
                for (String header : response.headers().allValues("Set-Cookie")) {
                    String[] pair = header.split(";", 2)[0].split("=", 2);
                    if (pair.length == 2 && !pair[1].isEmpty()) {
                        cookies.put(pair[0], pair[1]);
                    }
                }
                return response;
            } catch (IOException e) {
                count("connection", -1);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
