package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.simulator.CallRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole calls through real, signed webhooks, in each language, during office hours. */
class CallWalkTest {
    private static final String NHTRC = "+18883737888";
    private static final TestHotline hotline = TestHotline.shared();

    @Test
    void languageMenuOffersEachLanguageInItsOwnLanguageAndVoice() {
        Twiml menu = Twiml.answer(hotline.validCall(""), 0);
        assertEquals(List.of("en-US", "en-US", "es-US", "es-US", "cmn-CN", "cmn-CN", "yue-HK", "yue-HK", "fil-PH", "fil-PH",
                "ko-KR", "ko-KR", "vi-VN", "vi-VN", "en-US", "es-US", "cmn-CN"), menu.strings("//Gather/Say/@language"),
                "each language's welcome and key, then another language in English, Spanish and Mandarin");
        assertEquals(List.of("Polly.Joanna-Neural", "Polly.Lupe-Neural", "Polly.Zhiyu-Neural", "Google.yue-HK-Standard-A",
                "Google.fil-PH-Wavenet-A", "Polly.Seoyeon-Neural", "Google.vi-VN-Wavenet-A"),
                menu.strings("//Gather/Say/@voice").stream().distinct().toList());
        List<String> said = menu.strings("//Gather/Say");
        assertEquals(List.of("Human Trafficking Victim Assistance Program.", "For English, press 1.",
                "Programa de Asistencia a Víctimas de la Trata de Personas.", "Para español, oprima 2.",
                "人口贩卖受害者援助计划。", "普通话请按3。", "人口販賣受害者援助計劃。", "廣東話請按4。"), said.subList(0, 8));
        assertEquals(List.of("Para sa Tagalog, pindutin ang 5.", "한국어는 6번을 누르세요.", "Tiếng Việt, xin bấm số 7.",
                "For another language, press 9."), List.of(said.get(9), said.get(11), said.get(13), said.get(14)));
    }

    @Test
    void pressingNothingRepeatsTheLanguageMenuOnceThenConnectsToTheLineWithInterpreters() {
        CallRecord call = hotline.validCall("- -");
        assertEquals(List.of("/voice/incoming", "/voice/language?tries=0", "/voice/language?tries=1"),
                call.exchanges().stream().map(e -> e.url().substring(TestHotline.PUBLIC_URL.length())).toList().subList(0, 3));
        assertTrue(Twiml.answer(call, 1).spoken().contains("Para español, oprima 2."), "the language menu again");
        assertEquals(List.of(NHTRC), call.dialed(), "then the 24-hour line with interpreters, not the English menu");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "en-US, 1, If you are in immediate danger, 'For facts about human trafficking, press 1.'",
            "es-US, 2, Si está en peligro inmediato, 'Para escuchar datos sobre la trata de personas, oprima 1.'",
            "zh-CN, 3, 如果您有紧急危险, 了解关于人口贩卖的事实，请按1。",
            "yue-HK, 4, 如果你有即時危險, 想知道人口販賣嘅事實，請按1。",
            "fil-PH, 5, 'Kung kayo ay nasa agarang panganib', 'Para sa mga katotohanan tungkol sa human trafficking, pindutin ang 1.'",
            "ko-KR, 6, 지금 당장 위험한 상황이라면, 인신매매에 관한 사실을 들으시려면 1번을 누르세요.",
            "vi-VN, 7, 'Nếu quý vị đang gặp nguy hiểm ngay lúc này', 'Để nghe các sự thật về nạn buôn người, xin bấm số 1.'"})
    void mainMenuOpensWithSafetyThenOffersEveryOptionAndTheSharedKeys(String language, String key, String safety,
                                                                      String firstOption) {
        Twiml main = Twiml.answer(hotline.validCall(key), 1);
        List<String> said = main.strings("//Gather/Say");
        assertTrue(said.get(0).startsWith(safety), said.get(0));
        assertTrue(said.get(1).contains("0"), "speaking with someone comes right after the safety sentence: " + said.get(1));
        assertEquals(firstOption, said.get(2));
        assertEquals(8, said.size(), "safety, speak now, five options, the shared keys: " + said);
        assertTrue(main.string("//Gather/@action").contains("lang=" + language + "&menu=main"));
    }

    @ParameterizedTest(name = "{0} topic {1}")
    @CsvSource({
            "1, 1, facts, 80%",
            "1, 3, services, California Victim Compensation Board",
            "1, 4, reporting, '8 8 8, 3 7 3, 7 8 8 8'",
            "2, 1, facts, 80%",
            "3, 4, reporting, '8 8 8, 3 7 3, 7 8 8 8'",
            "4, 1, facts, 60萬 至 80萬",
            "5, 3, services, California Victim Compensation Board",
            "6, 4, reporting, '8 8 8, 3 7 3, 7 8 8 8'",
            "7, 1, facts, 600.000 đến 800.000"})
    void aTopicIsSpokenInSegmentsThenTheCallerIsBackAtTheMainMenu(String languageKey, String option, String topic,
                                                                   String heard) {
        CallRecord call = hotline.validCall(languageKey + " " + option);
        Twiml answer = Twiml.answer(call, 2);
        assertTrue(answer.elements("//Gather/Say").size() > 8, "several segments, then the menu");
        assertTrue(answer.elements("//Gather/Pause").size() >= 2, "a pause after each segment");
        assertTrue(answer.spoken().contains(heard), answer.spoken());
        assertTrue(answer.string("//Gather/@action").contains("menu=main&topic=" + topic + "&tries=0"));
    }

    @Test
    void whatTraffickingIsHasItsOwnMenuWithSexAndLaborTrafficking() {
        CallRecord call = hotline.validCall("1 2 2 3 #");
        assertTrue(Twiml.answer(call, 2).spoken().contains("To hear about sex trafficking, press 2."));
        assertTrue(Twiml.answer(call, 3).spoken().startsWith("Sex trafficking is the exploitation"));
        assertTrue(Twiml.answer(call, 3).string("//Gather/@action").contains("menu=about&topic=sex_trafficking"));
        assertTrue(Twiml.answer(call, 4).spoken().startsWith("Labor trafficking is the exploitation"));
        assertTrue(Twiml.answer(call, 5).spoken().startsWith("To speak with someone now, press 0."), "pound is the main menu");
    }

    @Test
    void starRepeatsTheTopicJustHeard() {
        CallRecord call = hotline.validCall("1 1 *");
        assertEquals(Twiml.answer(call, 2).spoken(), Twiml.answer(call, 3).spoken());
    }

    @Test
    void starInTheMainMenuRepeatsItWithItsSafetySentence() {
        CallRecord call = hotline.validCall("1 *");
        assertEquals(Twiml.answer(call, 1).spoken(), Twiml.answer(call, 2).spoken());
    }

    @Test
    void aCompletedTransferEndsTheCallPolitely() {
        CallRecord call = hotline.validCall("1 5 1 answered");
        assertEquals(List.of(NHTRC), call.dialed());
        Twiml last = Twiml.answer(call, 4);
        assertEquals("Thank you for calling. Take care. Goodbye.", last.spoken());
        assertEquals(1, last.elements("/Response/Hangup").size());
        assertEquals(CallRecord.Ending.HOTLINE_HUNG_UP, call.ending());
    }

    @Test
    void theTransferCarriesOurNumberAsCallerIdNeverTheCallers() {
        CallRecord call = hotline.validCall("1 5 8 2 answered");
        Twiml transfer = Twiml.answer(call, 4);
        assertEquals(TestHotline.HOTLINE_NUMBER, transfer.string("//Dial/@callerId"));
        assertEquals("25", transfer.string("//Dial/@timeout"));
        assertTrue(transfer.string("//Dial/@action").contains("/voice/transfer-result?lang=en-US&line=lasd_special_victims"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"9, 'Sorry, that is not one of the choices.'", "-, 'Sorry, we did not hear a choice.'"})
    void threeTriesWithoutAChoiceEndAtTheTwentyFourHourHotline(String input, String notice) {
        CallRecord call = hotline.validCall("1 " + input + " " + input + " " + input + " answered");
        assertTrue(Twiml.answer(call, 2).spoken().startsWith(notice), "first retry explains");
        assertTrue(Twiml.answer(call, 2).spoken().contains("For facts about human trafficking, press 1."), "and repeats the options");
        assertFalse(Twiml.answer(call, 2).spoken().contains("If you are in immediate danger"), "without the safety sentence");
        assertTrue(Twiml.answer(call, 3).string("//Gather/@action").endsWith("tries=2"));
        assertTrue(Twiml.answer(call, 4).spoken().startsWith("Let me connect you with someone who can help."));
        assertEquals(List.of(NHTRC), call.dialed());
    }

    @Test
    void aBusyLineFailsOverAlongItsChainToTheHotline() {
        // Journey Out (key 5 on the first page) fails over to CAST's 24-hour hotline, which fails over to the national one.
        CallRecord call = hotline.validCall("1 5 5 busy no-answer answered");
        assertEquals(List.of("+18189884970", "+18885392373", NHTRC), call.dialed());
        assertTrue(Twiml.answer(call, 4).spoken().startsWith("That line is busy.\nYou will be connected to a hotline. It is not "
                + "law enforcement or immigration.\nConnecting you to the hotline of CAST"), Twiml.answer(call, 4).spoken());
        assertTrue(Twiml.answer(call, 5).spoken().startsWith("There was no answer.\nYou will be connected to a hotline."),
                Twiml.answer(call, 5).spoken());
        assertTrue(Twiml.answer(call, 5).spoken().contains("Connecting you to the National Human Trafficking Hotline"));
        assertEquals("Thank you for calling. Take care. Goodbye.", Twiml.answer(call, 6).spoken());
    }

    @Test
    void whenEveryLineOfTheChainFailsTheCallerHearsTheHotlineNumberAndTheMenu() {
        CallRecord call = hotline.validCall("1 5 5 busy failed no-answer 1");
        Twiml last = Twiml.answer(call, 6);
        assertTrue(last.spoken().startsWith("There was no answer.\nWe could not connect your call.\n"
                + "You can call the National Human Trafficking Hotline, open 24 hours, at "
                + "8 8 8, 3 7 3, 7 8 8 8. Again, 8 8 8, 3 7 3, 7 8 8 8."), last.spoken());
        assertTrue(last.string("//Gather/@action").contains("menu=main"), "back at the main menu, never silence");
        assertTrue(Twiml.answer(call, 7).spoken().startsWith("Facts about human trafficking."), "and the menu works");
    }

    @Test
    void zeroInAnyMenuSpeaksWithSomeoneAtTheProgramDuringOfficeHours() {
        assertEquals(List.of("+12132572076"), hotline.validCall("1 0 answered").dialed());
        assertEquals(List.of("+12132572076"), hotline.validCall("1 2 0 answered").dialed());
        assertEquals(List.of("+12132572076"), hotline.validCall("1 5 0 answered").dialed());
    }

    @ParameterizedTest(name = "language key {0}")
    @CsvSource({"4, 轉駁, yue-HK", "5, Ikinokonekta, fil-PH", "6, 연결해 드립니다, ko-KR", "7, nối máy, vi-VN"})
    void eachNewLanguageTransfersFromItsDirectoryInItsOwnWords(String languageKey, String connecting, String sayLanguage) {
        CallRecord call = hotline.validCall(languageKey + " 5 1 answered");
        assertEquals(List.of(NHTRC), call.dialed());
        Twiml transfer = Twiml.answer(call, 3);
        assertTrue(transfer.spoken().contains(connecting) && transfer.spoken().contains("8 8 8, 3 7 3, 7 8 8 8"), transfer.spoken());
        assertEquals(List.of(sayLanguage), transfer.strings("//Say/@language").stream().distinct().toList());
    }

    @Test
    void theDirectoryIsOfferedInPagesOfSeven() {
        CallRecord call = hotline.validCall("1 5 8 9");
        Twiml first = Twiml.answer(call, 2);
        Twiml second = Twiml.answer(call, 3);
        assertTrue(first.spoken().startsWith("Here are the lines you can call."));
        assertTrue(first.spoken().contains("For Saving Innocence, press 7.\nFor more lines, press 8."), first.spoken());
        assertTrue(second.spoken().startsWith("The next lines are law enforcement agencies, or pass tips to law enforcement.\n"
                + "For Crime Stoppers, L.A. Regional, press 1."), second.spoken());
        assertTrue(second.spoken().contains("U.S. Immigration and Customs Enforcement, Homeland Security Investigations, press 6.\n"
                + "For the lines before, press 9."), second.spoken());
        assertEquals(first.spoken(), Twiml.answer(call, 4).spoken(), "9 goes back to the first page");
    }
}
