package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.TwimlAssertions;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /voice/fallback}: the TwiML Bin's document, answered by a hotline that is another one's fallback;
 * signed like every webhook, with the number called as caller ID.
 */
class FallbackWebhookTest {
    private final TestHotline hotline = TestHotline.shared();

    @Test
    void aSignedRequestGetsTheBinsDocumentWithOurNumberAsCallerId() {
        HttpResponse<String> answer = hotline.postSigned(VoiceRoutes.FALLBACK, Map.of("CallSid", "CA" + "2".repeat(32),
                "To", TestHotline.HOTLINE_NUMBER, "From", "+15555550100", "ErrorCode", "11200",
                "ErrorUrl", TestHotline.PUBLIC_URL + VoiceRoutes.INCOMING));
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        assertEquals(FallbackTwiml.of(hotline.catalog.get()).forCall(Optional.of(TestHotline.HOTLINE_NUMBER)), answer.body());
        Twiml twiml = Twiml.of(answer.body());
        TwimlAssertions.assertValid(twiml, "fallback webhook");
        assertEquals(TestHotline.HOTLINE_NUMBER, twiml.string("//Dial/@callerId"), "ours, never the caller's");
        assertTrue(!answer.body().contains("+15555550100"), "the caller's number is not in the answer");
    }

    @Test
    void anUnsignedOrForgedRequestIsRefused() {
        Map<String, String> params = Map.of("CallSid", "CA" + "3".repeat(32), "To", TestHotline.HOTLINE_NUMBER);
        assertEquals(403, hotline.post(VoiceRoutes.FALLBACK, params, null).statusCode());
        assertEquals(403, hotline.post(VoiceRoutes.FALLBACK, params, "bm90IGEgc2lnbmF0dXJl").statusCode());
    }
}
