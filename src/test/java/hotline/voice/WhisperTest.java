package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.catalog.Catalog;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PromptDirectory;
import hotline.simulator.CallRecord;
import hotline.voice.CallStep.MenuStep;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line that answers a transfer first hears, privately and in English, where the call comes from and which
 * language the caller chose, so that it can bring an interpreter; nothing else about the caller.
 */
class WhisperTest {
    private static final TestHotline hotline = TestHotline.shared();
    private static final Instant OFFICE_HOURS = TestHotline.OFFICE_HOURS.atZone(ZoneId.of("America/Los_Angeles")).toInstant();

    @Test
    void theAnsweringLineHearsTheLanguageTheCallerChoseAndTheCallerDoesNot() {
        CallRecord call = hotline.validCall("2 5 1 answered");
        assertEquals(1, call.whispered().size(), call.transcript().toString());
        CallRecord.Spoken whisper = call.whispered().get(0);
        assertTrue(whisper.text().contains("The caller chose Spanish."), whisper.text());
        assertEquals("en-US", whisper.language());
        assertEquals("Polly.Joanna-Neural", whisper.voice());
        assertFalse(call.spokenText().contains("The caller chose"), "the caller does not hear it");
        String url = Twiml.answer(call, 3).string("//Dial/Number/@url");
        assertEquals(TestHotline.PUBLIC_URL + VoiceRoutes.WHISPER + "?lang=es-US", url, "only the language: nothing about the caller");
    }

    @Test
    void aCallerWhoChoseNoLanguageIsAnnouncedAsNeedingAnInterpreter() {
        CallRecord call = hotline.validCall("9 answered");
        assertTrue(call.whispered().get(0).text().contains("a language this line does not offer, and needs an interpreter"),
                call.whispered().toString());
    }

    @Test
    void theWhisperIsSignedLikeEveryWebhookAndCannotBeForged() {
        HttpResponse<String> forged = hotline.post(VoiceRoutes.WHISPER + "?lang=es-US", Map.of("CallSid", "CA1"), "bogus");
        assertEquals(403, forged.statusCode());
        HttpResponse<String> signed = hotline.postSigned(VoiceRoutes.WHISPER + "?lang=es-US", Map.of("CallSid", "CA1"));
        assertEquals(200, signed.statusCode());
        assertEquals(List.of("Say"), Twiml.of(signed.body()).elements("/Response/*").stream().map(e -> e.getTagName()).toList(),
                "only words: nothing there may dial, gather or hang up the line that answered");
    }

    @Test
    void aLineCanBeConnectedWithoutTheWhisper() {
        CatalogSource seed = PromptDirectory.read(TestHotline.SEED_PROMPTS);
        List<LineEntry> lines = seed.lines().lines().stream().map(l -> !l.id().equals("lapd") ? l
                : new LineEntry(l.id(), l.kind(), l.names(), l.notes(), l.number(), l.open24Hours(), l.hours(), l.closedDates(),
                l.failover(), false, l.enabled())).toList();
        Catalog catalog = CatalogValidator.validate(seed.withLines(seed.lines().withLines(lines)));
        CallFlow flow = new CallFlow(new StepUrls(URI.create(TestHotline.PUBLIC_URL)));
        int lapd = catalog.lines().indexOf(catalog.line("lapd").orElseThrow());
        Twiml toLapd = Twiml.of(flow.respond(catalog, MenuStep.of("en-US", Menu.LINES).onPage(1),
                CallInput.pressed(Integer.toString(lapd - Menus.LINES_PER_PAGE + 1)), OFFICE_HOURS).twiml().toXml());
        assertEquals("+18772755273", toLapd.string("//Dial/Number"));
        assertTrue(toLapd.strings("//Dial/Number/@url").isEmpty());
    }

    @Test
    void ifTheWhisperCannotBeBuiltTheLineIsConnectedWithoutItAndNothingIsDialedFromThere() {
        try (TestHotline broken = TestHotline.start()) {
            Catalog seed = broken.catalog.get();
            // A whisper without its text, as only a bug could leave it: building it fails.
            broken.catalog.publish(new Catalog("broken", seed.languages(), seed.defaultLanguage(), seed.prompts(), seed.lines(),
                    seed.timeZone(), seed.hotlineLineId(), seed.speakNowOrder(), seed.dialTimeoutSeconds(), seed.recordings(),
                    seed.anotherLanguage(), Optional.of(new Catalog.Whisper(null, "en-US", "Polly.Joanna-Neural"))));
            HttpResponse<String> answer = broken.postSigned(VoiceRoutes.WHISPER + "?lang=es-US", Map.of("CallSid", "CA1"));
            assertEquals(200, answer.statusCode());
            assertTrue(Twiml.of(answer.body()).elements("/Response/*").isEmpty(), "connected without a notice: " + answer.body());
        }
    }
}
