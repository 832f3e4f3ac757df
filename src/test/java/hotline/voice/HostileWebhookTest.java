package hotline.voice;

import hotline.Slow;
import hotline.TestHotline;
import hotline.Twiml;
import hotline.TwimlAssertions;
import hotline.simulator.TwilioSigner;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever arrives at a webhook (any parameters, digits, Unicode, empty or huge values, repeated names, odd query
 * strings, wrong methods and content types), the hotline never answers with a 5xx: a signed request gets
 * well-formed TwiML that leads only to our own steps, anything else a 4xx.
 */
@Slow
class HostileWebhookTest {
    private static final TestHotline hotline = TestHotline.start();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final List<String> ROUTES = List.of(VoiceRoutes.INCOMING, VoiceRoutes.LANGUAGE, VoiceRoutes.MENU,
            VoiceRoutes.TRANSFER_RESULT, VoiceRoutes.STATUS, VoiceRoutes.FALLBACK);
    private static final List<String> TWILIO_NAMES = List.of("Digits", "SpeechResult", "DialCallStatus", "DialCallDuration",
            "CallSid", "To", "From", "CallStatus", "CallDuration", "Confidence");
    private static final List<String> QUERY_NAMES = List.of("lang", "menu", "page", "topic", "line", "tries");

    @AfterContainer
    static void stop() {
        hotline.close();
    }

    @Property(tries = 300)
    void aSignedRequestWithAnyParametersGetsTwimlOrARefusal(@ForAll("routes") String route, @ForAll("queries") String query,
                                                             @ForAll("forms") Map<String, String> form) throws Exception {
        String pathAndQuery = route + query;
        long size = form.entrySet().stream().mapToLong(e -> encode(e.getKey()).length() + encode(e.getValue()).length() + 2).sum();
        HttpResponse<String> response;
        try {
            response = hotline.postSigned(pathAndQuery, form);
        } catch (java.io.UncheckedIOException closed) {
            // Refused early: the hotline answered 413 and closed the connection while the body was still being sent.
            assertTrue(size > TwilioSignatureCheck.MAX_BODY_BYTES, "the connection closed on a body of " + size + " bytes");
            return;
        }
        int status = response.statusCode();
        assertTrue(status < 500, status + " for " + pathAndQuery + " " + form.keySet());
        if (status == 200) {
            Twiml twiml = Twiml.of(response.body());
            TwimlAssertions.assertValid(twiml, pathAndQuery);
        } else {
            assertEquals(413, status, "a signed request is refused only for its size: " + response.body());
        }
    }

    @Property(tries = 150)
    void repeatedNamesAreRefused(@ForAll("routes") String route, @ForAll("smallValues") String first,
                                 @ForAll("smallValues") String second)
            throws Exception {
        String body = "Digits=" + encode(first) + "&Digits=" + encode(second) + "&CallSid=CA" + "0".repeat(32);
        HttpResponse<String> response = send(route, "POST", "application/x-www-form-urlencoded", body,
                TwilioSigner.sign(TestHotline.TOKEN, TestHotline.PUBLIC_URL + route, Map.of("Digits", first)));
        assertEquals(403, response.statusCode(), response.body());
    }

    @Property(tries = 150)
    void wrongMethodsContentTypesAndSignaturesGetA4xx(@ForAll("routes") String route, @ForAll("methods") String method,
                                                      @ForAll("contentTypes") String contentType, @ForAll("smallValues") String body,
                                                      @ForAll("signatures") String signature) throws Exception {
        HttpResponse<String> response = send(route, method, contentType, body, signature);
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, status + " for " + method + " " + route + " as " + contentType);
    }

    /**
     * Any text Twilio could send: every character but lone surrogate halves, which no UTF-8 request can carry,
     * and now and then one outside the Basic Multilingual Plane.
     */
    private static StringArbitrary text() {
        return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff');
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of(ROUTES);
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> huge = text().ofMinLength(20_000).ofMaxLength(70_000);
        return Arbitraries.frequencyOf(Tuple.of(12, smallValues()), Tuple.of(1, huge));
    }

    @Provide
    Arbitrary<String> smallValues() {
        Arbitrary<String> any = text().ofMaxLength(40);
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789*#w ").ofMaxLength(12);
        Arbitrary<String> known = Arbitraries.of("", "1", "9", "*", "#", "completed", "busy", "no-answer", "failed",
                "+15555550199", "-1", "99999999999", "en-US", "xx-XX", "Español", "\u0000", "<Say>", "%00", "../../etc",
                "我想找工作人员 🙂", "𠜎𠜱𠝹", "' OR 1=1 --");
        return Arbitraries.frequencyOf(Tuple.of(1, known), Tuple.of(1, digits), Tuple.of(1, any));
    }

    @Provide
    Arbitrary<Map<String, String>> forms() {
        Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(TWILIO_NAMES)),
                Tuple.of(1, text().ofMinLength(1).ofMaxLength(20)));
        return Arbitraries.maps(names, values()).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(QUERY_NAMES)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("en-US", "es-US", "zh-CN", "main", "about", "lines", "closed", "facts", "nhtrc", "0", "2")),
                Tuple.of(2, text().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.integers().map(String::valueOf)));
        Arbitrary<String> pair = Combinators.combine(name, value).as((n, v) -> encode(n) + "=" + encode(v));
        return pair.list().ofMaxSize(6).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "PUT", "DELETE", "PATCH", "POST");
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "text/plain", "multipart/form-data; boundary=x", "application/xml",
                "application/x-www-form-urlencoded; charset=ISO-8859-1", "");
    }

    @Provide
    Arbitrary<String> signatures() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.strings().ofMinLength(1).ofMaxLength(40).alpha().numeric().withChars("+/=")));
    }

    private static HttpResponse<String> send(String route, String method, String contentType, String body, String signature)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hotline.serverUrl() + route))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (!signature.isEmpty()) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
