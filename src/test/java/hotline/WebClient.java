package hotline;

import hotline.simulator.TwilioSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small browser for tests of the pages: keeps cookies (as a browser behind the https proxy would, so it
 * ignores Secure), does not follow redirects by itself, and fills in the form token the last page carried.
 */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"login_token\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String lastPage = "";

    WebClient(String base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the token of the last page fetched (unless the form names its own). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (!fields.containsKey("csrf")) {
            Matcher token = CSRF.matcher(lastPage);
            if (token.find()) {
                fields.put("csrf", token.group(1));
            }
        }
        return postExactly(path, fields);
    }

    /** Posts exactly these fields: for tests of what happens without the token. */
    public HttpResponse<String> postExactly(String path, Map<String, String> fields) {
        String body = TwilioSigner.formBody(fields);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> signIn(String name, String password) {
        get("/admin/login");
        Matcher token = LOGIN_TOKEN.matcher(lastPage);
        if (!token.find()) {
            throw new AssertionError("no sign-in form: " + lastPage);
        }
        return postExactly("/admin/login", Map.of("login_token", token.group(1), "name", name, "password", password, "next", ""));
    }

    /** GETs where the last answer redirected to. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        return get(redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    }

    /**
     * Submits the form whose action is {@code action} on the last page, as a browser would: with every field's
     * current value, changed by {@code changes} (a null value unticks a checkbox or drops a field).
     */
    public HttpResponse<String> submit(String action, Map<String, String> changes) {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(lastPage);
        org.jsoup.nodes.FormElement form = page.select("form[action=" + action + "]").forms().stream().findFirst()
                .orElseThrow(() -> new AssertionError("no form with action " + action));
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(field -> fields.put(field.key(), field.value()));
        changes.forEach((name, value) -> {
            if (value == null) {
                fields.remove(name);
            } else {
                fields.put(name, value);
            }
        });
        return postExactly(action, fields);
    }

    /** The page last fetched, parsed. */
    public org.jsoup.nodes.Document page() {
        return org.jsoup.Jsoup.parse(lastPage);
    }

    /** Uploads files as a multipart form, with the page's form token. */
    public HttpResponse<String> upload(String path, String field, Map<String, byte[]> files) {
        return upload(path, Map.of(), field, files);
    }

    /** A multipart form as a browser sends it: the page's CSRF token, the given fields, then the files. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String field, Map<String, byte[]> files) {
        String boundary = "----hotline-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Matcher token = CSRF.matcher(lastPage);
        Map<String, String> form = new java.util.LinkedHashMap<>();
        if (token.find()) {
            form.put("csrf", token.group(1));
        }
        form.putAll(fields);
        try {
            for (Map.Entry<String, String> value : form.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + value.getKey() + "\"\r\n\r\n"
                        + value.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public HttpResponse<byte[]> download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends this header with every later request, as a proxy in front of the hotline would add it. */
    public WebClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String header : response.headers().allValues("Set-Cookie")) {
                String[] pair = header.split(";", 2)[0].split("=", 2);
                boolean expired = header.contains("Max-Age=0") || pair[1].isEmpty();
                if (expired) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            }
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                lastPage = response.body();
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<String> setCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }
}
