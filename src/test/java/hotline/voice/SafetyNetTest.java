package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.TwimlAssertions;
import hotline.catalog.Catalog;
import hotline.catalog.PromptDirectory;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unexpected trouble mid-call sends the caller to the 24-hour hotline; it is never a 500 and never a hang-up. */
class SafetyNetTest {
    private static final Catalog SEED = PromptDirectory.load(TestHotline.SEED_PROMPTS);

    /** A catalog that fails when asked for the {@code failOn}-th time, like a bug that strikes mid-call. */
    private static Supplier<Catalog> failingOnce(int failOn) {
        AtomicInteger calls = new AtomicInteger();
        return () -> {
            if (calls.incrementAndGet() == failOn) {
                throw new IllegalStateException("simulated bug");
            }
            return SEED;
        };
    }

    @Test
    void anErrorMidCallTransfersToTheHotlineInTheCallersLanguage() {
        // The first get() is the controller's own start-up; the second serves this webhook and fails.
        try (TestHotline hotline = TestHotline.start(failingOnce(2), Clock.systemUTC())) {
            HttpResponse<String> response = hotline.postSigned("/voice/menu?lang=es-US&menu=main&tries=0",
                    Map.of("Digits", "1", "To", TestHotline.HOTLINE_NUMBER));
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
            Twiml twiml = Twiml.of(response.body());
            TwimlAssertions.assertValid(twiml, "safety net");
            assertTrue(twiml.spoken().startsWith("Lo sentimos, tuvimos un problema de nuestro lado.\n"
                    + "Lo comunicamos con el Centro Nacional de Recursos contra la Trata de Personas"), twiml.spoken());
            assertEquals("+18883737888", twiml.string("//Dial/Number"));
            assertTrue(twiml.elements("//Dial[@action]").isEmpty(), "no further webhook that could fail again");
            assertTrue(twiml.spoken().endsWith("Otra vez, 8 8 8, 3 7 3, 7 8 8 8."), "after the transfer, the number once more");
            assertEquals(1, twiml.elements("/Response/Hangup").size());
        }
    }

    @Test
    void whenEvenTheSafetyNetFailsTheOneBuiltAtStartUpIsUsed() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Catalog> brokenAfterStart = () -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("simulated bug");
            }
            return SEED;
        };
        try (TestHotline hotline = TestHotline.start(brokenAfterStart, Clock.systemUTC())) {
            HttpResponse<String> response = hotline.postSigned("/voice/incoming", Map.of("To", TestHotline.HOTLINE_NUMBER));
            assertEquals(200, response.statusCode());
            Twiml twiml = Twiml.of(response.body());
            assertTrue(twiml.spoken().startsWith("We are sorry, something went wrong on our side."));
            assertEquals("+18883737888", twiml.string("//Dial/Number"));
        }
    }

    @Test
    void everyLanguageHasASafetyNet() {
        CallFlow flow = new CallFlow(new StepUrls(java.net.URI.create(TestHotline.PUBLIC_URL)));
        for (var language : SEED.languages()) {
            Twiml twiml = Twiml.of(flow.safetyNet(SEED, language.code(), java.util.Optional.of(TestHotline.HOTLINE_NUMBER)).toXml());
            TwimlAssertions.assertValid(twiml, language.code());
            assertEquals(language.twilioLanguage(), twiml.strings("//Say/@language").get(0));
        }
    }
}
