package hotline.recordings;

import hotline.TestAudio;
import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.Twiml;
import hotline.WebClient;
import hotline.Zips;
import hotline.content.ContentStore;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LanguageEntry;
import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.PromptFiles;
import hotline.simulator.CallRecord;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static hotline.TwimlAssertions.assertEveryAnswerValid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recorded audio through the admin console and on calls: uploads checked and kept by content, a recording played
 * instead of text-to-speech while its text is unchanged, and a language heard from recordings only.
 */
@ExtendWith(HotlineExtension.class)
class RecordingsTest {
    private static final String SAFETY = "main_menu.safety#0.0";
    @HotlineExtension.Started
    private TestHotline hotline;
    @HotlineExtension.SignedIn
    private WebClient admin;
    private ContentStore store;

    @BeforeEach
    void start() {
        store = hotline.content();
    }

    private static String fileName(byte[] audio) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(audio)) + ".wav";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> upload(String language, String slot, String name, byte[] audio) {
        admin.get(RecordingsController.PAGE + "?lang=" + language);
        return admin.upload(RecordingsController.PAGE, Map.of("lang", language, "slot", slot), "audio", Map.of(name, audio));
    }

    private HttpResponse<String> publish(String note) {
        admin.get("/admin");
        return admin.submit("/admin/publish", Map.of("note", note));
    }

    private List<String> keptFiles() throws IOException {
        Path dir = hotline.dataDir.resolve("recordings");
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    /** The audio file names a TwiML answer plays, in order. */
    private static List<String> played(Twiml answer) {
        return answer.strings("//Play").stream().map(url -> {
            assertTrue(url.startsWith(TestHotline.PUBLIC_URL + "/audio/"), url);
            return url.substring(url.lastIndexOf('/') + 1);
        }).toList();
    }

    @Test
    void aRecordingIsPlayedInsteadOfTheVoiceUntilItsTextChanges() throws IOException {
        byte[] audio = TestAudio.wav("safety in English");
        HttpResponse<String> saved = upload("en-US", SAFETY, "safety.wav", audio);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(List.of(fileName(audio)), keptFiles(), "kept under the data directory, named by its content");
        assertTrue(admin.follow(saved).body().contains("<audio controls preload=\"none\" src=\"/audio/" + fileName(audio)),
                "the editor can listen to it");

        admin.get(RecordingsController.PAGE + "?lang=en-US&show=to_do");
        assertTrue(admin.page().getElementById(SAFETY) == null && admin.page().getElementById("digit.1") != null,
                "the list of what is still to record leaves out what is done");
        assertEquals(303, publish("safety sentence recorded").statusCode());
        Twiml main = Twiml.of(hotline.call("1").exchanges().get(1).body());
        assertEquals(List.of(fileName(audio)), played(main));
        assertEquals("Play", main.elements("//Gather/*").get(0).getTagName(), "the recording comes first, where the sentence was");
        assertFalse(main.spoken().contains("immediate danger"), "and the voice no longer says it");

        HttpResponse<byte[]> fetched = hotline.browser().download("/audio/" + fileName(audio));
        assertEquals(200, fetched.statusCode(), "Twilio fetches it without signing in");
        assertEquals("audio/wav", fetched.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(audio, fetched.body());

        admin.get("/admin/prompts?lang=en-US");
        assertEquals(303, admin.submit("/admin/prompts", Map.of("main_menu.safety",
                "If you are in danger right now, hang up and dial 9 1 1. This call is confidential.")).statusCode());
        assertTrue(admin.get(RecordingsController.PAGE + "?lang=en-US").body().contains("the text changed: record again"));
        assertEquals(303, publish("safety sentence reworded").statusCode(), "an out-of-date recording is a warning, not an error");
        Twiml reworded = Twiml.of(hotline.call("1").exchanges().get(1).body());
        assertEquals(List.of(), played(reworded), "the old recording no longer says what the text says");
        assertTrue(reworded.spoken().startsWith("If you are in danger right now"), reworded.spoken());
    }

    @Test
    void nobodyIsAskedToRecordAPieceThatIsOnlyPunctuationAndPiecesAreNamedInWords() {
        admin.get(RecordingsController.PAGE + "?lang=en-US");
        for (Element row : admin.page().select("tbody tr")) {
            String mustSay = row.select("td").get(1).text();
            assertTrue(mustSay.codePoints().anyMatch(Character::isLetterOrDigit), row.id() + " asks for \"" + mustSay + "\"");
        }
        assertTrue(admin.page().getElementById("transfer.connecting#0.3") == null, "the \".\" after the last {number}");
        Element again = admin.page().getElementById("transfer.connecting#0.2");
        assertEquals(". Again,", again.select("td").get(1).text(), "punctuation with words is recorded with them");
        assertTrue(again.select("td").get(0).text().startsWith("Transfers: Connecting: the line's name and number, words 3"),
                again.select("td").get(0).text());
        assertEquals("Recordings in English", admin.page().selectFirst("h1").text());
    }

    @Test
    void uploadsThatAreNotRecordingsAreRefusedWithAClearMessageAndNothingIsKept() throws IOException {
        CatalogSource before = store.draft().content();
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("welcome.wav|text", "\"welcome.wav\" is not a WAV or MP3 recording. Twilio plays WAV and MP3");
        refusals.put("welcome.wav|mp3", "\"welcome.wav\" is not a WAV or MP3 recording (it looks like mp3 but is named otherwise)");
        refusals.put("welcome.ogg|wav", "\"welcome.ogg\" is not a WAV or MP3 recording (it looks like wav but is named otherwise)");
        refusals.put("welcome.wav|huge", "\"welcome.wav\" is 5,242,881 bytes; a recording can be at most 5 MB.");
        refusals.put("../../welcome.wav|wav", "\"../../welcome.wav\" is not a plain file name");
        refusals.put("recordings/welcome.wav|wav", "\"recordings/welcome.wav\" is not a plain file name");
        refusals.put("..\\welcome.wav|wav", "\"..\\welcome.wav\" is not a plain file name");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            String[] nameAndContent = refusal.getKey().split("\\|");
            byte[] content = switch (nameAndContent[1]) {
                case "text" -> "Welcome to the hotline".getBytes(StandardCharsets.UTF_8);
                case "mp3" -> "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
                case "huge" -> hugeWav();
                default -> TestAudio.wav("welcome");
            };
            HttpResponse<String> refused = upload("en-US", SAFETY, nameAndContent[0], content);
            assertEquals(303, refused.statusCode(), refusal.getKey() + ": a redirect, so that a reload does not upload again");
            admin.follow(refused);
            assertTrue(admin.page().selectFirst(".error-summary").text().contains(refusal.getValue()),
                    refusal.getKey() + ": " + admin.page().selectFirst(".error-summary").text());
            assertEquals("true", admin.page().getElementById(SAFETY).selectFirst("input[type=file]").attr("aria-invalid"),
                    "the refused piece's upload is marked");
        }
        assertEquals(List.of(), keptFiles(), "nothing written");
        assertEquals(before, store.draft().content(), "the draft is unchanged");
    }

    private static byte[] hugeWav() {
        byte[] huge = new byte[(int) RecordingStore.MAX_BYTES + 1];
        byte[] header = TestAudio.wav("huge");
        System.arraycopy(header, 0, huge, 0, header.length);
        return huge;
    }

    @Test
    void anUploadLargerThanAnyFormIsRefusedBeforeItIsRead() throws IOException {
        byte[] enormous = new byte[12 * 1024 * 1024];
        System.arraycopy(TestAudio.wav("enormous"), 0, enormous, 0, 44);
        HttpResponse<String> refused = upload("en-US", SAFETY, "enormous.wav", enormous);
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("too large"), refused.body());
        assertEquals(List.of(), keptFiles());
    }

    @Test
    void anUploadForSomethingTheLanguageDoesNotSayIsRefused() throws IOException {
        HttpResponse<String> refused = upload("en-US", "main_menu.nothing#0.0", "welcome.wav", TestAudio.wav("welcome"));
        assertEquals(303, refused.statusCode());
        admin.follow(refused);
        assertTrue(admin.page().selectFirst(".error-summary").text().contains("\"main_menu.nothing#0.0\" is not something this language says."));
        assertEquals(List.of(), keptFiles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fhotline.db", "hotline.db", "0123.wav",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.wav"})
    void onlyKeptRecordingsAreServed(String name) {
        HttpResponse<byte[]> response = hotline.browser().download("/audio/" + name);
        assertEquals(404, response.statusCode());
    }

    /**
     * Armenian has no text-to-speech voice at Twilio. Its texts are in the seed content, not offered; until every
     * piece is recorded, publishing it is refused with what is missing; once recorded, callers hear only recordings.
     */
    @Test
    void aLanguageWithoutAVoiceIsOfferedOnlyOnceEverythingItSaysIsRecorded() throws IOException {
        admin.get("/admin/languages");
        assertEquals(303, admin.submit("/admin/languages", Map.of("enabled_hy-AM", "on")).statusCode());

        HttpResponse<String> refused = publish("Armenian, before recording");
        assertEquals(303, refused.statusCode());
        admin.follow(refused);
        String problems = admin.page().selectFirst(".error-summary").text();
        assertTrue(problems.contains("Recordings in Armenian: Armenian has no text-to-speech voice, so it can be offered only when"
                + " everything it says is recorded; "), problems);
        assertTrue(problems.matches(".* [0-9]+ recordings are missing or out of date.*"), problems);
        assertTrue(!problems.contains("#0.0"), "pieces are listed in words on the Recordings page, not by their slot names here");
        assertEquals("/admin/recordings?lang=hy-AM&show=to_do",
                admin.page().select(".error-summary a").stream().filter(a -> a.text().startsWith("Recordings in Armenian"))
                        .findFirst().orElseThrow().attr("href"));
        assertFalse(hotline.call("").exchanges().get(0).body().contains("hy-AM"), "not offered");

        Map<String, byte[]> recorded = new LinkedHashMap<>();
        admin.get(RecordingsController.PAGE + "?lang=hy-AM");
        for (Element row : admin.page().select("tbody tr")) {
            if (row.selectFirst(".badge:not(.warn)") == null) {
                recorded.put(row.id(), TestAudio.wav("hy-AM " + row.id()));
            }
        }
        assertTrue(recorded.size() > 100, "every piece of every text, the digits and the lines' names: " + recorded.size());
        for (Map.Entry<String, byte[]> slot : recorded.entrySet()) {
            assertEquals(303, upload("hy-AM", slot.getKey(), slot.getKey().replaceAll("[^a-z0-9]", "_") + ".wav",
                    slot.getValue()).statusCode(), slot.getKey());
        }
        assertTrue(admin.get(RecordingsController.PAGE + "?lang=hy-AM").body().contains(
                "<strong>" + recorded.size() + " of " + recorded.size() + "</strong> recorded"));
        HttpResponse<String> published = publish("Armenian, recorded");
        assertEquals(303, published.statusCode(), admin.page().text());

        CallRecord call = hotline.call("8 1 # 5 1 answered");
        assertEveryAnswerValid(call);
        Twiml languageMenu = Twiml.of(call.exchanges().get(0).body());
        assertTrue(played(languageMenu).contains(fileName(recorded.get("language_menu.option#0.0"))), "offered in the menu");
        Twiml main = Twiml.of(call.exchanges().get(1).body());
        assertEquals(fileName(recorded.get(SAFETY)), played(main).get(0));
        assertEquals("hy-AM", main.string("//Gather/@language"), "Twilio cannot speak Armenian, but it can hear it");
        for (int answer = 1; answer < call.exchanges().size(); answer++) {
            Twiml twiml = Twiml.of(call.exchanges().get(answer).body());
            assertEquals(List.of(), twiml.strings("//Say"), "answer " + answer + " is all recordings:\n" + call.exchanges().get(answer).body());
            for (String file : played(twiml)) {
                assertEquals(200, hotline.browser().download("/audio/" + file).statusCode(), file);
            }
        }
        assertEquals(List.of("+18883737888"), call.dialed());
        String dial = call.exchanges().stream().map(CallRecord.Exchange::body).filter(body -> body.contains("<Dial")).findFirst().orElseThrow();
        String eight = fileName(recorded.get("digit.8"));
        assertEquals(2 * 6, played(Twiml.of(dial)).stream().filter(eight::equals).count(), "888 373 7888 said twice, digit by digit");
    }
}
