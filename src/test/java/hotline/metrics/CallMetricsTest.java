package hotline.metrics;

import hotline.TestHotline;
import hotline.metrics.CallStatistics.Calls;
import hotline.metrics.CallStatistics.TransferCount;
import hotline.simulator.SimulatedCall;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A scripted set of calls through real, signed webhooks; then every figure of the query service must match
 * exactly what those calls did. (The simulator reports a call's duration as 30 seconds per webhook.)
 */
class CallMetricsTest {
    private static final DateRange DAY = DateRange.day(TestHotline.OFFICE_HOURS.toLocalDate());
    private static TestHotline hotline;
    private static CallStatistics statistics;

    @BeforeAll
    static void placeCallsThenStop() {
        hotline = TestHotline.start();
        // English: facts, services, the directory, the national hotline, connected. 7 webhooks: 210 s.
        hotline.call("1 1 3 5 1 answered", call("CAaaaa"));
        // Spanish: three wrong keys, so the hotline; busy; back at the menu, facts, hangs up. 7 webhooks: 210 s.
        hotline.call("2 9 9 9 busy 1", call("CAbbbb"));
        // Hangs up in the language menu. 1 webhook: 30 s.
        hotline.call("", call("CAcccc"));
        // Presses nothing once, then English; Journey Out busy, CAST no answer, the national hotline answers. 240 s.
        hotline.call("- 1 5 5 busy no-answer answered", call("CAdddd"));
        // Mandarin: speak with someone now (DA central), failed; fails over to the Bureau, hangs up while it rings. 120 s.
        hotline.call("3 0 failed", call("CAeeee"));
        // Presses nothing twice: no language chosen, so the line with interpreters, which answers. 120 s.
        hotline.call("- - answered", call("CAffff"));
        // Twilio retries a status callback: the call ends once.
        Map<String, String> again = call("CAaaaa");
        again.put("CallStatus", "completed");
        again.put("CallDuration", "210");
        assertEquals(200, hotline.postSigned("/voice/status", again).statusCode());
        // Out of order: a status that is not final after the end, and a second, different final one: no effect.
        for (String late : List.of("in-progress", "canceled")) {
            Map<String, String> status = call("CAbbbb");
            status.put("CallStatus", late);
            assertEquals(200, hotline.postSigned("/voice/status", status).statusCode());
        }
        // Twilio retries a webhook it got no answer to in time, with the same idempotency token: answered
        // twice alike, counted once. (This adds one choice of facts to the English call.)
        Map<String, String> facts = call("CAaaaa");
        facts.put("Digits", "1");
        List<String> answers = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            answers.add(hotline.postSigned("/voice/menu?lang=en-US&menu=main&tries=0", facts,
                    Map.of("I-Twilio-Idempotency-Token", "ad0f5c6e-retried")).body());
        }
        assertEquals(answers.get(0), answers.get(1));

        hotline.stop(); // a clean shutdown writes everything queued
        statistics = new CallStatistics(hotline.database, () -> TestHotline.LOS_ANGELES);
    }

    @AfterAll
    static void close() {
        hotline.close();
    }

    private static Map<String, String> call(String callSid) {
        return SimulatedCall.twilioParams(callSid, "+15555550100", TestHotline.HOTLINE_NUMBER);
    }

    @Test
    void callsPerDayAndHourByLanguage() {
        Map<String, Long> languages = Map.of("en-US", 2L, "es-US", 1L, "zh-CN", 1L, CallEvent.OTHER_LANGUAGE, 1L);
        assertEquals(List.of(new Calls(DAY.first().atStartOfDay(), 6, languages)), statistics.callsPerDay(DAY));
        assertEquals(List.of(new Calls(TestHotline.OFFICE_HOURS, 6, languages)), statistics.callsPerHour(DAY));
        assertEquals(languages, statistics.callsByLanguage(DAY));
    }

    @Test
    void optionsChosenWithARetriedWebhookCountedOnce() {
        assertEquals(Map.of("main/facts", 3L, "main/services", 1L, "main/lines", 2L, "main/speak_now", 1L,
                "lines/nhtrc", 1L, "lines/journey_out", 1L), statistics.optionsChosen(DAY));
    }

    @Test
    void transfersPerLineByOutcomeWithTalkTime() {
        assertEquals(List.of(
                new TransferCount("cast", "no_answer", 1, 0),
                new TransferCount("da_htvap_central", "failed", 1, 0),
                new TransferCount("journey_out", "busy", 1, 0),
                new TransferCount("nhtrc", "busy", 1, 0),
                new TransferCount("nhtrc", "connected", 3, 285)), sorted(statistics.transfers(DAY)));
        assertEquals(List.of(
                new TransferCount("cast", "failover", 1, 0),
                new TransferCount("da_htvap_central", "first_choice", 1, 0),
                new TransferCount("da_victim_services", "failover", 1, 0),
                new TransferCount("journey_out", "first_choice", 1, 0),
                new TransferCount("nhtrc", "failover", 1, 0),
                new TransferCount("nhtrc", "first_choice", 3, 0)), sorted(statistics.transferAttempts(DAY)));
    }

    @Test
    void whereCallsEndedAndWhereInputWentWrong() {
        assertEquals(Map.of("transfer", 4L, "main", 1L, "language", 1L), statistics.callsEndedByLastMenu(DAY));
        assertEquals(1, statistics.callsEndedInLanguageMenu(DAY));
        assertEquals(Map.of("invalid_input/main", 3L, "no_input/language", 3L), statistics.inputProblems(DAY));
        assertEquals(Map.of("transfer_outcome", 3L, "option_chosen", 1L, "call_started", 1L, "transfer_attempted", 1L),
                statistics.callsEndedByLastEvent(DAY));
    }

    @Test
    void durationPercentiles() {
        // 30, 120, 120, 210, 210, 240 seconds, counted in steps (30-40, 120-150, 180-240, 240-300): a percentile
        // is the end of its step.
        DurationSummary durations = statistics.durations(DAY);
        assertEquals(6, durations.calls());
        assertEquals(Map.of(30, 1L, 120, 2L, 180, 2L, 240, 1L), durations.histogram());
        assertEquals(150, durations.medianSeconds());
        assertEquals(300, durations.p90Seconds());
        assertEquals(300, durations.p99Seconds());
        assertEquals(155, durations.meanSeconds());
    }

    @Test
    void otherDaysAreEmpty() {
        DateRange dayBefore = DateRange.day(DAY.first().minusDays(1));
        assertEquals(List.of(), statistics.callsPerDay(dayBefore));
        assertEquals(0, statistics.durations(dayBefore).calls());
        DateRange week = new DateRange(DAY.first().minusDays(3), DAY.first().plusDays(3));
        assertEquals(6, statistics.callsPerDay(week).get(0).calls());
    }

    private static List<TransferCount> sorted(List<TransferCount> counts) {
        return counts.stream().sorted(java.util.Comparator.comparing(TransferCount::line).thenComparing(TransferCount::outcome)).toList();
    }

}
