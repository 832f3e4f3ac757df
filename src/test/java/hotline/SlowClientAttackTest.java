package hotline;

import hotline.simulator.TwilioSigner;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of connections that send a request one byte every couple of seconds (slowloris): some never finish their
 * headers, some send a webhook body, some a sign-in body. Once each had a thread of its own waiting on it, and a
 * call Twilio signed got no answer at all. Now a signed call is answered while they hang on, and the hotline
 * closes them itself.
 */
@Slow
class SlowClientAttackTest {
    private static final int SLOW_HEADERS = 100;
    private static final int SLOW_WEBHOOK_BODIES = 150;
    private static final int SLOW_SIGN_IN_BODIES = 150;
    private static final Duration TRICKLE_EVERY = Duration.ofSeconds(2);
    /** Far longer than any answer takes; only "no answer at all" fails. */
    private static final Duration NO_ANSWER_AT_ALL = Duration.ofSeconds(5);

    @Test
    void aSignedCallIsAnsweredWhileHundredsOfSlowClientsHangOn() throws Exception {
        try (TestHotline hotline = TestHotline.start()) {
            int port = hotline.app.port();
            List<Socket> slow = new ArrayList<>();
            AtomicInteger closedByTheHotline = new AtomicInteger();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                for (int i = 0; i < SLOW_HEADERS; i++) {
                    slow.add(open(port, "POST /voice/incoming HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
                }
                for (int i = 0; i < SLOW_WEBHOOK_BODIES; i++) {
                    slow.add(open(port, "POST /voice/incoming HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                            + "application/x-www-form-urlencoded\r\nX-Twilio-Signature: x\r\nContent-Length: 4000\r\n\r\nCallSid="));
                }
                for (int i = 0; i < SLOW_SIGN_IN_BODIES; i++) {
                    slow.add(open(port, "POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                            + "application/x-www-form-urlencoded\r\nCookie: hotline_login=x\r\nContent-Length: 4000\r\n\r\nname="));
                }
                List<Socket> open = List.copyOf(slow);
                trickle.scheduleAtFixedRate(() -> {
                    for (Socket socket : open) {
                        if (!socket.isClosed()) {
                            try {
                                socket.getOutputStream().write('a');
                                socket.getOutputStream().flush();
                            } catch (IOException closed) {
                                closedByTheHotline.incrementAndGet();
                                close(socket);
                            }
                        }
                    }
                }, 0, TRICKLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(TRICKLE_EVERY.toMillis() + 500); // a round of bytes: every one of them is in the server now

                int hangingOn = slow.size() - closedByTheHotline.get();
                long started = System.nanoTime();
                HttpResponse<String> answer = signedCall(hotline);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("A signed call was answered in %.3f s while %d slow clients hung on%n", seconds, hangingOn);
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("<Gather"), answer.body());
                assertTrue(hangingOn >= slow.size() / 2, "the attack was on when the call came: " + hangingOn + " slow clients");

                // And the hotline does not keep them forever: each is closed, however steadily it trickles.
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos(); // only to catch "never"
                while (closedByTheHotline.get() < slow.size() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals(slow.size(), closedByTheHotline.get(), "slow clients the hotline closed itself");
            } finally {
                trickle.shutdownNow();
                slow.forEach(SlowClientAttackTest::close);
            }
        }
    }

    private static HttpResponse<String> signedCall(TestHotline hotline) throws IOException, InterruptedException {
        Map<String, String> params = Map.of("CallSid", "CA" + "9".repeat(32), "To", TestHotline.HOTLINE_NUMBER);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hotline.serverUrl() + "/voice/incoming"))
                .timeout(NO_ANSWER_AT_ALL)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(TestHotline.TOKEN, TestHotline.PUBLIC_URL + "/voice/incoming", params))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.formBody(params))).build();
        try {
            return HttpClient.newBuilder().connectTimeout(NO_ANSWER_AT_ALL).build().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException silenced) {
            throw new AssertionError("no answer to a signed call within " + NO_ANSWER_AT_ALL.toSeconds() + " s: callers are silenced");
        }
    }

    private static Socket open(int port, String start) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
