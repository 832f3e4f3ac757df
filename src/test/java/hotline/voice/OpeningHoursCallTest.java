package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.simulator.CallRecord;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static hotline.TwimlAssertions.assertEveryAnswerValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lines with office hours, under a stopped clock in the hotline's time zone (America/Los_Angeles). */
class OpeningHoursCallTest {
    private static final LocalDateTime SATURDAY_MORNING = LocalDateTime.of(2026, 12, 5, 10, 0);
    private static final LocalDateTime WEDNESDAY_EVENING = LocalDateTime.of(2026, 12, 2, 17, 0);
    private static final LocalDateTime CHRISTMAS_MORNING = LocalDateTime.of(2026, 12, 25, 10, 0);

    private static CallRecord call(LocalDateTime when, String script) {
        try (TestHotline hotline = TestHotline.start(when)) {
            CallRecord call = hotline.call(script);
            assertEveryAnswerValid(call);
            return call;
        }
    }

    @Test
    void aClosedLineIsAnnouncedWithItsNumberAndTheOpenLineAfterItIsOffered() {
        // The program's central office is line 3: the first page, key 3.
        CallRecord call = call(SATURDAY_MORNING, "1 5 3 1 answered");
        Twiml closed = Twiml.of(call.exchanges().get(3).body());
        assertEquals("the District Attorney's Human Trafficking Victim Assistance Program, Central office is closed right now. "
                + "You can call later at 2 1 3, 2 5 7, 2 0 7 6. Again, 2 1 3, 2 5 7, 2 0 7 6.\n"
                + "To be connected now to the hotline of CAST, the Coalition to Abolish Slavery and Human Trafficking, open 24 hours, "
                + "which is open, press 1.", closed.spoken());
        assertTrue(closed.string("//Gather/@action").contains("menu=closed") && closed.string("//Gather/@action").contains("line=da_htvap_central"));
        // Its chain is the Bureau of Victim Services (closed too on Saturday), then CAST's 24-hour hotline.
        assertEquals(List.of("+18885392373"), call.dialed());
    }

    @Test
    void closingTimeIsExclusiveAndClosedDatesCloseTheLineAllDay() {
        assertTrue(Twiml.of(call(WEDNESDAY_EVENING, "1 5 3").exchanges().get(3).body()).spoken().contains("closed right now"));
        assertTrue(Twiml.of(call(CHRISTMAS_MORNING, "1 5 3").exchanges().get(3).body()).spoken().contains("closed right now"));
    }

    @Test
    void starRepeatsTheClosedAnnouncementAndPoundLeaves() {
        CallRecord call = call(SATURDAY_MORNING, "1 5 3 * #");
        assertEquals(Twiml.of(call.exchanges().get(3).body()).spoken(), Twiml.of(call.exchanges().get(4).body()).spoken());
        assertTrue(Twiml.of(call.exchanges().get(5).body()).spoken().startsWith("To speak with someone now, press 0."));
    }

    @Test
    void speakWithSomeoneNowGoesToTheFirstOpenLineInItsOrder() {
        assertEquals(List.of("+18883737888"), call(SATURDAY_MORNING, "1 0 answered").dialed());
        assertEquals(List.of("+18883737888"), call(SATURDAY_MORNING, "3 0 answered").dialed());
    }

    @Test
    void failoverSkipsLinesThatAreClosed() {
        try (TestHotline hotline = TestHotline.start(SATURDAY_MORNING)) {
            var catalog = hotline.catalog.get();
            var saturday = SATURDAY_MORNING.atZone(catalog.timeZone()).toInstant();
            // DA central fails over to the Bureau of Victim Services, closed on Saturday, so to CAST's 24-hour hotline.
            var chain = catalog.line("da_htvap_central").orElseThrow().failover();
            assertEquals("cast", catalog.firstOpenInChain(chain, saturday).orElseThrow().id());
            var wednesday = TestHotline.OFFICE_HOURS.atZone(catalog.timeZone()).toInstant();
            assertEquals("da_victim_services", catalog.firstOpenInChain(chain, wednesday).orElseThrow().id());
        }
    }
}
