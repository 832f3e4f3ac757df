package hotline.dashboard;

import hotline.TestHotline;
import hotline.WebClient;
import hotline.accounts.Role;
import hotline.metrics.CallEvent;
import hotline.metrics.CallEventWriter;
import hotline.metrics.TransferOutcome;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data behind the dashboard's charts, over HTTP, against calls recorded at known minutes, around the end of
 * daylight saving time in Los Angeles (1 November 2026, when 01:00 to 02:00 happens twice).
 */
class DashboardDataTest {
    private static final LocalDateTime TODAY = LocalDateTime.of(2026, 11, 3, 10, 0);
    private static final String RANGE = "from=2026-11-01&to=2026-11-03";
    private static TestHotline hotline;
    private static WebClient staff;

    @BeforeAll
    static void recordCalls() {
        hotline = TestHotline.start(TODAY);
        CallEventWriter writer = new CallEventWriter(hotline.database, () -> TestHotline.LOS_ANGELES, hotline.clock, Duration.ofDays(3650));
        writer.start();
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sids.add("CA" + i);
        }
        // 1 November: three calls at 01:30 daylight time, two at 01:30 standard time, one at 23:30. English, facts, 40 s.
        String[] november1 = {"2026-11-01T08:30:00Z", "2026-11-01T08:30:00Z", "2026-11-01T08:30:00Z",
                "2026-11-01T09:30:00Z", "2026-11-01T09:30:00Z", "2026-11-02T07:30:00Z"};
        for (int i = 0; i < november1.length; i++) {
            writer.record(sids.get(i), List.of(CallEvent.callStarted(), CallEvent.languageChosen("en-US", "key"),
                    CallEvent.optionChosen("en-US", "main", "facts"), CallEvent.callEnded(40)), Instant.parse(november1[i]));
        }
        // 2 November, 10:15: two in Spanish transferred to CAST and connected (300 s), three in Mandarin who asked
        // to speak with someone (DA central busy, the Bureau connected, 200 s), one who hung up in the language menu.
        Instant november2 = Instant.parse("2026-11-02T18:15:00Z");
        for (int i = 6; i < 8; i++) {
            writer.record(sids.get(i), List.of(CallEvent.callStarted(), CallEvent.languageChosen("es-US", "key"),
                    CallEvent.optionChosen("es-US", "main", "lines"), CallEvent.optionChosen("es-US", "lines", "cast"),
                    CallEvent.transferAttempted("es-US", "lines", "cast", false),
                    CallEvent.transferOutcome("es-US", "cast", TransferOutcome.CONNECTED, 100), CallEvent.callEnded(300)), november2);
        }
        for (int i = 8; i < 11; i++) {
            writer.record(sids.get(i), List.of(CallEvent.callStarted(), CallEvent.languageChosen("zh-CN", "key"),
                    CallEvent.optionChosen("zh-CN", "main", "speak_now"),
                    CallEvent.transferAttempted("zh-CN", "main", "da_htvap_central", false),
                    CallEvent.transferOutcome("zh-CN", "da_htvap_central", TransferOutcome.BUSY, 0),
                    CallEvent.transferAttempted("zh-CN", "transfer", "da_victim_services", true),
                    CallEvent.transferOutcome("zh-CN", "da_victim_services", TransferOutcome.CONNECTED, 90), CallEvent.callEnded(200)), november2);
        }
        writer.record(sids.get(11), List.of(CallEvent.callStarted(), CallEvent.callEnded(10)), november2);
        writer.close();
        hotline.addAccount("sam", Role.STAFF, "purple monkey dishwasher");
        staff = hotline.browser();
        staff.signIn("sam", "purple monkey dishwasher");
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    private static final String BOM = "\uFEFF";
    private static final String EMPTY = "Left empty: fewer than 5";

    private static String csv(String chart) {
        HttpResponse<String> response = staff.get("/dashboard/csv/" + chart + "?" + RANGE);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("text/csv; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        return response.body();
    }

    @Test
    void callsPerDayFollowTheLocalCalendarAcrossTheChangeOfClocks() {
        assertEquals(BOM + "Day,Calls," + EMPTY + "\r\n2026-11-01,6,\r\n2026-11-02,6,\r\n2026-11-03,0,\r\n", csv("calls_per_day"));
    }

    @Test
    void csvFilesStartWithAByteOrderMarkSoThatExcelReadsThemAsUtf8() {
        HttpResponse<byte[]> file = staff.download("/dashboard/csv/calls_by_language?" + RANGE);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(file.body(), 3));
    }

    @Test
    void bothOneOClockHoursOfTheNightTheClocksGoBackCountAsOneHour() {
        String heatmap = csv("calls_by_weekday_and_hour");
        String sunday = heatmap.lines().filter(l -> l.startsWith("Sunday,")).findFirst().orElseThrow();
        assertEquals("Sunday,0,5,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,23", sunday);
        String monday = heatmap.lines().filter(l -> l.startsWith("Monday,")).findFirst().orElseThrow();
        assertEquals(6, Integer.parseInt(monday.split(",")[11]), monday);
    }

    /** Number columns hold numbers only: a small count is left empty, and the last column says which were. */
    @Test
    void smallCountsAreNeverShownAsNumbers() {
        assertEquals(BOM + "Language,Calls," + EMPTY + "\r\nEnglish,6,\r\nSpanish,,Calls\r\nMandarin,,Calls\r\nCantonese,0,\r\n"
                + "Filipino (Tagalog),0,\r\nKorean,0,\r\nVietnamese,0,\r\nNo language chosen,,Calls\r\n", csv("calls_by_language"));
        assertEquals(BOM + "Line,Connected,Busy,No answer,Failed," + EMPTY + "\r\n"
                + "\"the hotline of CAST, the Coalition to Abolish Slavery and Human Trafficking, open 24 hours\",,0,0,0,Connected\r\n"
                + "\"the District Attorney's Human Trafficking Victim Assistance Program, Central office\",0,,0,0,Busy\r\n"
                + "the District Attorney's Bureau of Victim Services,,0,0,0,Connected\r\n", csv("transfers_by_line"));
        assertEquals(BOM + "Where,Calls," + EMPTY + "\r\nIn the language menu,,Calls\r\nAfter a wrong key or no key,0,\r\n", csv("hang_ups"));
        String menu = csv("main_menu_choices");
        assertTrue(menu.contains("Facts about trafficking,6,\r\n") && menu.contains("Phone numbers,,Times chosen\r\n")
                && menu.contains("Speak with someone now,,Times chosen\r\n") && menu.contains("Services for victims,0,\r\n"), menu);
        String durations = csv("call_durations");
        assertTrue(durations.contains("40 s–50 s,6,\r\n") && durations.contains("3 min–4 min,,Calls\r\n"), durations);
        for (String line : csv("calls_by_weekday_and_hour").lines().skip(1).toList()) {
            String[] fields = line.split(",", -1);
            for (int hour = 1; hour <= 24; hour++) {
                assertTrue(fields[hour].matches("[0-9]*"), "only numbers, or nothing, in " + line);
            }
        }
    }

    @Test
    void theChartDataHidesWhatTheTablesHide() {
        HttpResponse<String> response = staff.get("/dashboard/data?" + RANGE);
        assertEquals(200, response.statusCode());
        String json = response.body();
        assertTrue(json.contains("\"id\":\"calls_by_language\",\"title\":\"Calls by language\",\"kind\":\"bar\","
                + "\"labels\":[\"English\",\"Spanish\",\"Mandarin\",\"Cantonese\",\"Filipino (Tagalog)\",\"Korean\",\"Vietnamese\","
                + "\"No language chosen\"]"), json);
        assertTrue(json.contains("[6,null,null,0,0,0,0,null]"), json);
        assertTrue(json.contains("[6,6,0]"), json);
    }

    @Test
    void theHeadlineFiguresAreExactTotals() {
        HttpResponse<String> page = staff.get("/dashboard?" + RANGE);
        assertEquals(200, page.statusCode());
        List<String> cards = staff.page().select(".card").eachText();
        assertEquals("Calls 12 nothing to compare with in the days before", cards.get(0));
        assertEquals("Transferred to a line 42% nothing to compare with in the days before", cards.get(1));
        assertEquals("Transfers that connected 100% nothing to compare with in the days before", cards.get(2));
        assertEquals("Median call length 50 s nothing to compare with in the days before", cards.get(3));
        assertTrue(staff.page().select("td.hidden-count").size() > 5);
        assertTrue(page.body().contains("Download CSV"));
    }

    @Test
    void aBadRangeSaysWhyAndShowsTheLastThirtyDays() {
        HttpResponse<String> page = staff.get("/dashboard?from=2026-11-30&to=2026-11-01");
        assertEquals(400, page.statusCode());
        assertTrue(staff.page().selectFirst(".error-summary").text().contains("The last day comes before the first."));
        assertEquals("2026-10-05", staff.page().selectFirst("#from").val());
        assertEquals(400, staff.get("/dashboard/csv/calls_per_day?from=yesterday&to=today").statusCode());
        assertEquals(404, staff.get("/dashboard/csv/nothing?" + RANGE).statusCode());
    }

    @Test
    void presetsCountBackFromTodayInTheHotlinesTimeZone() {
        staff.get("/dashboard?preset=7");
        assertEquals("2026-10-28", staff.page().selectFirst("#from").val());
        assertEquals("2026-11-03", staff.page().selectFirst("#to").val());
        staff.get("/dashboard?preset=90");
        assertEquals("2026-08-06", staff.page().selectFirst("#from").val());
        assertEquals("true", staff.page().selectFirst(".presets a[href$=preset=90]").attr("aria-current"));
        staff.get("/dashboard?preset=year");
        assertEquals("2026-01-01", staff.page().selectFirst("#from").val());
    }

    @Test
    void oneDayIsOneDayDatesAreWrittenOneWayAndTheTimeZoneIsNamed() {
        staff.get("/dashboard?preset=today");
        String hint = staff.page().selectFirst("main p.hint").text();
        assertTrue(hint.startsWith("Nov 3, 2026 to Nov 3, 2026 (1 day, Pacific Time), compared with the day before."), hint);
    }

    @Test
    void daysThatHaveNotHappenedYetAreSaidToBeSo() {
        staff.get("/dashboard?from=2026-11-01&to=2026-11-10");
        assertEquals("The days after today, Nov 3, 2026, have not happened yet: they have no calls.",
                staff.page().selectFirst("main p.warning").text());
        staff.get("/dashboard?from=2026-12-01&to=2026-12-31");
        assertTrue(staff.page().selectFirst("main p.warning").text().startsWith("These days have not happened yet"));
        staff.get("/dashboard?" + RANGE);
        assertTrue(staff.page().select("main p.warning").isEmpty());
    }

    /** Bins of 10 s, 1 min and 5 min are drawn as wide as the time they cover: the data says how wide each is. */
    @Test
    void callLengthsAreDrawnWithTheirTrueWidths() {
        String json = staff.get("/dashboard/data?" + RANGE).body();
        assertTrue(json.contains("\"kind\":\"histogram\""), json);
        assertTrue(json.contains("\"spans\":[[0,10],[10,20]"), json);
        assertTrue(json.contains("[540,600],[600,900],[900,1200]"), "9-10 min is one minute wide, 10-15 min five: " + json);
    }

    @Test
    void theDataAndFilesNeedASession() {
        WebClient anonymous = hotline.browser();
        for (String path : new String[]{"/dashboard", "/dashboard/data?" + RANGE, "/dashboard/csv/calls_per_day?" + RANGE}) {
            HttpResponse<String> response = anonymous.get(path);
            assertEquals(303, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Location").orElseThrow().startsWith("/admin/login?next="), path);
        }
    }

    @Test
    void eachChartSaysItIsLoadingUntilItIsDrawn() {
        staff.get("/dashboard?" + RANGE);
        for (var box : staff.page().select(".canvas-box")) {
            assertEquals("Loading the chart…", box.selectFirst(".chart-loading").text());
        }
    }

    @Test
    void theDemoDataScriptSaysHowToUseIt() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            DemoData.main(new String[]{"--help"});
        } finally {
            System.setOut(before);
        }
        String usage = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Usage: scripts/seed-demo-data [--days 90] [--calls-per-day 60] [--force]"), usage);
        assertTrue(usage.contains("--force") && usage.contains("-h, --help"), usage);
    }

    @Test
    void theThresholdIsASetting() {
        assertEquals("fewer than 3", new SmallCounts(3).cell(2).text());
        assertEquals("3", new SmallCounts(3).cell(3).text());
        assertEquals(0L, new SmallCounts(5).cell(0).value());
    }
}
