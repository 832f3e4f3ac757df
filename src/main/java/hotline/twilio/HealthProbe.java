package hotline.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hotline.operations.HealthController;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Asks the hotline at its public address whether it answers, as Twilio would reach it: {@code GET /healthz} over the
 * same scheme, host, port and certificate.
 */
interface HealthProbe {
    /** Whether it answers, and a sentence to print either way. */
    record Health(boolean ok, String text) {
    }

    Health check(URI publicUrl);

    /** With the JVM's own trusted certificates, as Twilio trusts public ones. */
    static HealthProbe standard() {
        return over(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    static HealthProbe over(HttpClient http) {
        return publicUrl -> Http.check(http, publicUrl);
    }

    /** The request and every way it can fail, each said so that the reader knows where to look. */
    final class Http {
        private static final ObjectMapper JSON = new ObjectMapper();

        private Http() {
        }

        static Health check(HttpClient http, URI publicUrl) {
            String url = publicUrl.toString().replaceAll("/+$", "") + HealthController.PATH;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 200) {
                    return new Health(false, url + " answers HTTP " + response.statusCode() + " instead of 200"
                            + (response.statusCode() == 502 || response.statusCode() == 504
                            ? ": the proxy is up but the hotline behind it is not (systemctl status hotline)" : ""));
                }
                JsonNode health;
                try {
                    health = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    health = JSON.createObjectNode();
                }
                if (!"ok".equals(health.path("status").asText())) {
                    return new Health(false, url + " answers, but not as the hotline does: is HOTLINE_PUBLIC_URL this hotline's address?");
                }
                return new Health(true, url + " answers: ok, callers hear content " + health.path("catalogVersion").asText("?"));
            } catch (HttpConnectTimeoutException e) {
                return new Health(false, url + ": no connection within 5 s (a firewall, or the wrong address)");
            } catch (HttpTimeoutException e) {
                return new Health(false, url + ": no answer within 10 s");
            } catch (ConnectException e) {
                if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
                    return new Health(false, url + ": the name " + publicUrl.getHost() + " cannot be looked up (DNS)");
                }
                return new Health(false, url + ": the connection was refused; is the hotline (and the proxy in front of it) running?");
            } catch (SSLException e) {
                return new Health(false, url + ": its TLS certificate is not accepted (" + e.getMessage() + "); Twilio would "
                        + "refuse it too");
            } catch (IOException e) {
                return new Health(false, url + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Health(false, url + ": interrupted");
            }
        }
    }
}
