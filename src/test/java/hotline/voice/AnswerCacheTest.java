package hotline.voice;

import hotline.MovableClock;
import hotline.TestHotline;
import hotline.catalog.Catalog;
import hotline.catalog.PromptDirectory;
import hotline.simulator.CallRecord;
import hotline.voice.CallStep.MenuStep;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers are kept once built, yet never outlive the hours, the content or the input they were built for. */
class AnswerCacheTest {
    private static final Catalog SEED = PromptDirectory.load(TestHotline.SEED_PROMPTS);
    private static final Instant WEDNESDAY_10AM = TestHotline.OFFICE_HOURS.atZone(TestHotline.LOS_ANGELES).toInstant();
    private final CallFlow flow = new CallFlow(new StepUrls(URI.create("https://hotline.test")));
    private final AnswerCache cache = new AnswerCache();

    private AnswerCache.Answer answer(Catalog catalog, String digits, Instant now) {
        MenuStep main = MenuStep.of("en-US", Menu.MAIN);
        CallInput input = CallInput.pressed(digits);
        return cache.answer(catalog, main, input, now, () -> flow.respond(catalog, main, input, now));
    }

    @Test
    void theSameStepAndKeyInTheSameHoursGetTheSameAnswerBuiltOnce() {
        AnswerCache.Answer first = answer(SEED, "0", WEDNESDAY_10AM);
        assertSame(first, answer(SEED, "0", WEDNESDAY_10AM.plusSeconds(3600)), "still office hours: kept");
        assertArrayEquals(flow.respond(SEED, MenuStep.of("en-US", Menu.MAIN), CallInput.pressed("0"), WEDNESDAY_10AM)
                .twiml().toXml().getBytes(StandardCharsets.UTF_8), first.twiml(), "exactly what the flow builds");
        assertEquals(first.events(), answer(SEED, "0", WEDNESDAY_10AM).events(), "and the same events, every time");
    }

    @Test
    void whenALineClosesTheAnswerIsBuiltAgain() {
        String open = new String(answer(SEED, "0", WEDNESDAY_10AM).twiml(), StandardCharsets.UTF_8);
        String closed = new String(answer(SEED, "0", WEDNESDAY_10AM.plus(Duration.ofHours(9))).twiml(),
                StandardCharsets.UTF_8);
        assertTrue(open.contains("+12132572076"), "the program's office, at 10 in the morning");
        assertTrue(closed.contains("+18883737888"), "the 24-hour line, at 7 in the evening: " + closed);
    }

    @Test
    void aNewCatalogStartsAfresh() {
        Catalog republished = PromptDirectory.load(TestHotline.SEED_PROMPTS);
        AnswerCache.Answer before = answer(SEED, "1", WEDNESDAY_10AM);
        assertNotSame(before, answer(republished, "1", WEDNESDAY_10AM));
        assertEquals(1, cache.size(), "the old catalog's answers are gone");
    }

    @Test
    void whatACallerCanVaryIsNeverKept() {
        MenuStep main = MenuStep.of("en-US", Menu.MAIN);
        for (String said : List.of("facts", "services please", "someone")) {
            CallInput input = CallInput.said(said);
            cache.answer(SEED, main, input, WEDNESDAY_10AM, () -> flow.respond(SEED, main, input, WEDNESDAY_10AM));
        }
        for (int i = 0; i < 100; i++) {
            answer(SEED, "1" + i, WEDNESDAY_10AM);
        }
        assertEquals(0, cache.size(), "words said and strings of keys are built each time");
        for (int i = 0; i < AnswerCache.MAX_ANSWERS + 50; i++) {
            answer(SEED, "*", WEDNESDAY_10AM.plus(Duration.ofDays(i)));
        }
        assertTrue(cache.size() <= AnswerCache.MAX_ANSWERS, "bounded: " + cache.size());
    }

    @Test
    void aHotlineKeepsAnsweringRightAsItsClockCrossesClosingTime() {
        MovableClock clock = new MovableClock(WEDNESDAY_10AM.plus(Duration.ofHours(6)).plusSeconds(59 * 60));
        try (TestHotline hotline = TestHotline.start(clock)) {
            CallRecord beforeFive = hotline.validCall("1 0 answered");
            clock.advance(Duration.ofMinutes(1));
            CallRecord atFive = hotline.validCall("1 0 answered");
            assertEquals(List.of("+12132572076"), beforeFive.dialed(), "16:59: the program's office");
            assertEquals(List.of("+18883737888"), atFive.dialed(), "17:00: closed, so the 24-hour line");
        }
    }

    @Test
    void aTransferOutcomeKeepsItsTextButReportsItsOwnTalkTime() {
        CallStep.TransferResult step = new CallStep.TransferResult("en-US", SEED.hotline().id());
        CallInput tenSeconds = CallInput.dialed("completed", 10);
        CallInput tenMinutes = CallInput.dialed("completed", 600);
        AnswerCache.Answer first = cache.answer(SEED, step, tenSeconds, WEDNESDAY_10AM,
                () -> flow.respond(SEED, step, tenSeconds, WEDNESDAY_10AM));
        AnswerCache.Answer second = cache.answer(SEED, step, tenMinutes, WEDNESDAY_10AM,
                () -> flow.respond(SEED, step, tenMinutes, WEDNESDAY_10AM));
        Reply built = flow.respond(SEED, step, tenMinutes, WEDNESDAY_10AM);
        assertSame(first.twiml(), second.twiml(), "the text is kept");
        assertArrayEquals(built.twiml().toXml().getBytes(StandardCharsets.UTF_8), second.twiml(), "and is what the flow builds");
        assertEquals(built.events(), second.events(), "the events are this webhook's, with its own talk time");
        assertTrue(!first.events().equals(second.events()), "not the first one's");
        CallInput busy = CallInput.dialed("busy", 0);
        AnswerCache.Answer other = cache.answer(SEED, step, busy, WEDNESDAY_10AM, () -> flow.respond(SEED, step, busy, WEDNESDAY_10AM));
        assertArrayEquals(flow.respond(SEED, step, busy, WEDNESDAY_10AM).twiml().toXml().getBytes(StandardCharsets.UTF_8),
                other.twiml(), "another outcome has its own text");
    }
}
