package hotline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer in front of several instances, as small as it can be: each request goes to the next instance in
 * turn, and one that refuses the connection (stopped, killed) is skipped, as a real balancer's health check would.
 * It records which instance answered each request, so that a test can see a call's steps really were spread.
 */
final class RoundRobinProxy implements AutoCloseable {
    /** What a proxy passes on, either way; everything else (Host, Connection) is the proxy's own. */
    private static final Set<String> PASSED_ON = Set.of("content-type", "x-twilio-signature", "i-twilio-idempotency-token",
            "cookie", "location", "set-cookie", "cache-control");

    private final List<String> backends;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicInteger next = new AtomicInteger();
    private final List<String> answeredBy = Collections.synchronizedList(new ArrayList<>());

    RoundRobinProxy(List<String> backends) throws IOException {
        this.backends = List.copyOf(backends);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The backend that answered each request so far, in order. */
    List<String> answeredBy() {
        synchronized (answeredBy) {
            return List.copyOf(answeredBy);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        IOException last = null;
        for (int tries = 0; tries < backends.size(); tries++) {
            String backend = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (PASSED_ON.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException refused) {
                last = refused; // this instance is down: the next one answers
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            answeredBy.add(backend);
            response.headers().map().forEach((name, values) -> {
                if (PASSED_ON.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
            return;
        }
        exchange.sendResponseHeaders(502, -1);
        exchange.close();
        if (last != null) {
            throw last;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
