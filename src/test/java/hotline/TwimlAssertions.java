package hotline;

import hotline.simulator.CallRecord;
import hotline.voice.VoiceRoutes;

import org.w3c.dom.Element;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every TwiML answer of a call must be for Twilio to follow it and for the caller to be served well. */
public final class TwimlAssertions {
    private static final Set<String> VERBS = Set.of("Response", "Say", "Pause", "Play", "Gather", "Dial", "Number",
            "Redirect", "Hangup");
    private static final List<String> STEP_ROUTES = List.of(VoiceRoutes.LANGUAGE, VoiceRoutes.MENU,
            VoiceRoutes.TRANSFER_RESULT);

    private TwimlAssertions() {
    }

    /** Checks every answer the hotline gave during the call. */
    public static void assertEveryAnswerValid(CallRecord call) {
        for (CallRecord.Exchange exchange : call.exchanges()) {
            String where = "answer to " + exchange.url() + " " + exchange.params();
            assertEquals(200, exchange.status(), where);
            assertTrue(exchange.contentType().startsWith("application/xml"), where + ": content type " + exchange.contentType());
            assertValid(Twiml.of(exchange.body()), where);
        }
    }

    public static void assertValid(Twiml twiml, String where) {
        for (Element element : twiml.elements("//*")) {
            assertTrue(VERBS.contains(element.getTagName()), where + ": unknown verb <" + element.getTagName() + ">");
        }
        for (String play : twiml.strings("//Play")) {
            assertTrue(play.startsWith(TestHotline.PUBLIC_URL + "/audio/") || play.contains("/audio/"), where + ": plays " + play);
        }
        for (Element say : twiml.elements("//Say")) {
            assertFalse(say.getAttribute("language").isBlank(), where + ": <Say> without language");
            assertFalse(say.getAttribute("voice").isBlank(), where + ": <Say> without voice");
            assertFalse(say.getTextContent().isBlank(), where + ": empty <Say>");
            assertFalse(say.getTextContent().matches("(?s).*\\{[a-z_:]+}.*"), where + ": placeholder left in " + say.getTextContent());
        }
        for (Element gather : twiml.elements("//Gather")) {
            assertOurStepUrl(gather.getAttribute("action"), where);
            String input = gather.getAttribute("input");
            assertTrue(input.equals("dtmf") || input.equals("dtmf speech"), where + ": input " + input);
            if (input.contains("speech")) {
                assertFalse(gather.getAttribute("language").isBlank(), where + ": listening without a language");
                assertEquals("auto", gather.getAttribute("speechTimeout"), where);
            }
            assertEquals("1", gather.getAttribute("numDigits"), where);
            assertEquals("true", gather.getAttribute("actionOnEmptyResult"), where);
            assertEquals("", gather.getAttribute("finishOnKey"), where + ": # must reach us as a key");
            assertEquals(0, twiml.elements("//Gather/*[not(self::Say or self::Pause or self::Play)]").size(), where);
        }
        for (String redirect : twiml.strings("//Redirect")) {
            assertOurStepUrl(redirect, where);
        }
        for (Element dial : twiml.elements("//Dial")) {
            if (dial.hasAttribute("action")) {
                assertOurStepUrl(dial.getAttribute("action"), where);
            }
            // Ours, or none when the webhook did not say which number was dialed; never anyone else's.
            if (dial.hasAttribute("callerId")) {
                assertEquals(TestHotline.HOTLINE_NUMBER, dial.getAttribute("callerId"), where + ": caller ID must be ours");
            }
            assertFalse(dial.getAttribute("timeout").isBlank(), where + ": <Dial> without timeout");
        }
        for (String whisper : twiml.strings("//Dial/Number/@url")) {
            assertTrue(whisper.startsWith(TestHotline.PUBLIC_URL + VoiceRoutes.WHISPER + "?lang="),
                    where + ": what a line hears on answering must come from us: " + whisper);
        }
        for (String number : twiml.strings("//Dial/Number")) {
            assertTrue(number.matches("\\+[1-9][0-9]{6,14}"), where + ": dials " + number);
        }
    }

    private static void assertOurStepUrl(String url, String where) {
        assertTrue(url.startsWith(TestHotline.PUBLIC_URL + "/"), where + ": URL outside the hotline: " + url);
        String pathAndQuery = url.substring(TestHotline.PUBLIC_URL.length());
        String path = pathAndQuery.split("\\?", 2)[0];
        assertTrue(STEP_ROUTES.contains(path), where + ": not a route of ours: " + url);
        assertTrue(pathAndQuery.contains("?"), where + ": step URL without its state: " + url);
    }
}
