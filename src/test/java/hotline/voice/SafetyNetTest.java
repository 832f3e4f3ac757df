package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.TwimlAssertions;
import hotline.catalog.Catalog;
import hotline.catalog.PromptDirectory;
import hotline.catalog.PromptKey;
import hotline.catalog.Prompts;
import hotline.catalog.Template;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unexpected trouble mid-call sends the caller to the 24-hour hotline; it is never a 500 and never a hang-up. */
class SafetyNetTest {
    private static final Catalog SEED = PromptDirectory.load(TestHotline.SEED_PROMPTS);

    /**
     * The seed content with texts missing from the Spanish prompts, as a bug would leave them: such a catalog
     * never passes the validator, so it stands for any error the call flow could meet.
     */
    private static Catalog spanishWithout(PromptKey... missing) {
        Map<PromptKey, List<Template>> texts = new EnumMap<>(SEED.prompts().get("es-US").templates());
        for (PromptKey key : missing) {
            texts.remove(key);
        }
        Map<String, Prompts> prompts = new HashMap<>(SEED.prompts());
        prompts.put("es-US", new Prompts("es-US", texts));
        return SEED.withPrompts(prompts).withVersion("broken");
    }

    @Test
    void anErrorMidCallTransfersToTheHotlineInTheCallersLanguage() {
        try (TestHotline hotline = TestHotline.start()) {
            hotline.catalog.publish(spanishWithout(PromptKey.LINES_INTRO));
            HttpResponse<String> response = hotline.postSigned("/voice/menu?lang=es-US&menu=main&tries=0",
                    Map.of("Digits", "5", "To", TestHotline.HOTLINE_NUMBER));
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
            Twiml twiml = Twiml.of(response.body());
            TwimlAssertions.assertValid(twiml, "safety net");
            assertTrue(twiml.spoken().startsWith("Lo sentimos, tuvimos un problema de nuestro lado.\n"
                    + "Lo comunicamos con la Línea Nacional contra la Trata de Personas"), twiml.spoken());
            assertEquals("+18883737888", twiml.string("//Dial/Number"));
            assertTrue(twiml.elements("//Dial[@action]").isEmpty(), "no further webhook that could fail again");
            assertTrue(twiml.spoken().endsWith("Otra vez, 8 8 8, 3 7 3, 7 8 8 8."), "after the transfer, the number once more");
            assertEquals(1, twiml.elements("/Response/Hangup").size());
        }
    }

    @Test
    void whenEvenTheSafetyNetFailsTheOneBuiltAtStartUpIsUsed() {
        try (TestHotline hotline = TestHotline.start()) {
            hotline.catalog.publish(spanishWithout(PromptKey.LINES_INTRO, PromptKey.ERROR_APOLOGY));
            HttpResponse<String> response = hotline.postSigned("/voice/menu?lang=es-US&menu=main&tries=0",
                    Map.of("Digits", "5", "To", TestHotline.HOTLINE_NUMBER));
            assertEquals(200, response.statusCode());
            Twiml twiml = Twiml.of(response.body());
            assertTrue(twiml.spoken().startsWith("We are sorry, something went wrong on our side."), twiml.spoken());
            assertEquals("+18883737888", twiml.string("//Dial/Number"));
        }
    }

    @Test
    void everyLanguageHasASafetyNet() {
        CallFlow flow = new CallFlow(new StepUrls(URI.create(TestHotline.PUBLIC_URL)));
        for (var language : SEED.languages()) {
            Twiml twiml = Twiml.of(flow.safetyNet(SEED, language.code(), Optional.of(TestHotline.HOTLINE_NUMBER)).toXml());
            TwimlAssertions.assertValid(twiml, language.code());
            assertEquals(language.twilioLanguage().orElseThrow(), twiml.strings("//Say/@language").get(0));
        }
    }
}
