package hotline.voice;

import com.twilio.security.RequestValidator;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.simulator.TwilioSigner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every webhook must carry Twilio's signature for the public URL; nothing else gets an answer. */
class TwilioSignatureTest {
    private static final Map<String, String> VECTOR_PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE",
            "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");
    private static final TestHotline hotline = TestHotline.shared();

    /** The vectors from twilio-java's own RequestValidatorTest (token 12345). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://mycompany.com/myapp.php?foo=1&bar=2, RSOYDt4T1cUTdK1PDd93/VVr8B8=",
            "https://mycompany.com:443/myapp.php?foo=1&bar=2, kvajT1Ptam85bY51eRf/AJRuM3w=",
            "http://mycompany.com:80/myapp.php?foo=1&bar=2, 0ZXoZLH/DfblKGATFgpif+LLRf4=",
            "http://mycompany.com:1234/myapp.php?foo=1&bar=2, Zmvh+3yNM1Phv2jhDCwEM3q5ebU="})
    void referenceVectors(String url, String signature) {
        assertEquals(signature, TwilioSigner.sign("12345", url, VECTOR_PARAMS));
        assertTrue(new RequestValidator("12345").validate(url, VECTOR_PARAMS, signature));
        assertEquals(false, new RequestValidator("12345").validate(url, VECTOR_PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B9="));
    }

    @Test
    void referenceVectorWithoutParameters() {
        assertEquals("zYQTYrRWXE7LtzbG4PfP7/bkkGo=", TwilioSigner.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", Map.of()));
    }

    private static Map<String, String> callParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA0123");
        params.put("From", "+15555550100");
        params.put("To", TestHotline.HOTLINE_NUMBER);
        params.put("Digits", "1");
        return params;
    }

    @Test
    void aCorrectlySignedWebhookIsAnswered() {
        HttpResponse<String> response = hotline.postSigned("/voice/language?tries=0", callParams());
        assertEquals(200, response.statusCode());
        assertTrue(Twiml.of(response.body()).spoken().contains("For facts about human trafficking"));
    }

    @Test
    void aMissingSignatureIsRefused() {
        assertRefused(hotline.post("/voice/incoming", callParams(), null));
    }

    @Test
    void aForgedSignatureIsRefused() {
        assertRefused(hotline.post("/voice/incoming", callParams(), TwilioSigner.sign("not-our-token", TestHotline.PUBLIC_URL + "/voice/incoming", callParams())));
    }

    @Test
    void aSignatureForTheUrlTheServerSeesRatherThanThePublicOneIsRefused() {
        String serverUrl = hotline.serverUrl() + "/voice/incoming";
        assertRefused(hotline.post("/voice/incoming", callParams(), TwilioSigner.sign(TestHotline.TOKEN, serverUrl, callParams())));
    }

    @Test
    void aSignatureForAnotherStepIsRefused() {
        String signedFor = TestHotline.PUBLIC_URL + "/voice/menu?lang=en-US&menu=main&tries=0";
        assertRefused(hotline.post("/voice/menu?lang=en-US&menu=lines&tries=0", callParams(),
                TwilioSigner.sign(TestHotline.TOKEN, signedFor, callParams())));
    }

    @Test
    void changedParametersAreRefused() {
        String signature = TwilioSigner.sign(TestHotline.TOKEN, TestHotline.PUBLIC_URL + "/voice/language?tries=0", callParams());
        Map<String, String> changed = callParams();
        changed.put("Digits", "2");
        assertRefused(hotline.post("/voice/language?tries=0", changed, signature));
        Map<String, String> added = callParams();
        added.put("DialCallStatus", "completed");
        assertRefused(hotline.post("/voice/language?tries=0", added, signature));
    }

    @Test
    void everyWebhookIsChecked() {
        for (String path : new String[]{"/voice/incoming", "/voice/language?tries=0", "/voice/menu?lang=en-US&menu=main&tries=0",
                "/voice/transfer-result?lang=en-US&line=nhtrc", "/voice/status"}) {
            assertRefused(hotline.post(path, callParams(), "c2lnbmF0dXJl"));
        }
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnythingReadsIt() {
        Map<String, String> huge = callParams();
        huge.put("Padding", "x".repeat(100_000));
        HttpResponse<String> response = hotline.postSigned("/voice/incoming", huge);
        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void aBodyThatIsNotAFormIsRefusedUnread() throws Exception {
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(hotline.serverUrl() + "/voice/incoming"))
                        .header("Content-Type", "multipart/form-data; boundary=x").header(TwilioSignatureCheck.HEADER, "x")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("not a multipart body")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response.body());
        assertEquals("Twilio posts application/x-www-form-urlencoded", response.body());
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("Forbidden"), response.body());
    }
}
