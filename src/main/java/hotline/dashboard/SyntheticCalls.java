package hotline.dashboard;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.ResourceLine;
import hotline.metrics.CallEvent;
import hotline.metrics.TransferOutcome;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Made-up calls that look like a real line's: busier on weekdays and in the afternoon, most callers in English,
 * then Spanish and Mandarin, a few who hang up at once or press the wrong key, transfers that sometimes fail.
 * For demo data and benchmarks; never mixed with real calls.
 */
public final class SyntheticCalls {
    private static final double[] HOURS = {0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 1.0, 1.2, 1.3, 1.3,
            1.2, 1.3, 1.4, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9, 0.7, 0.5, 0.3};
    private static final String[] TOPICS = {"facts", "about", "services", "reporting"};

    private final Catalog catalog;
    private final Random random;

    public SyntheticCalls(Catalog catalog, long seed) {
        this.catalog = catalog;
        this.random = new Random(seed);
    }

    /** Calls for every day from {@code first} to {@code last}, about {@code perDay} a day, handed over one by one. */
    public long generate(LocalDate first, LocalDate last, int perDay, ZoneId zone, BiConsumer<Instant, List<CallEvent>> call) {
        long count = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            double weekday = day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.7 : day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : 1.0;
            for (int hour = 0; hour < 24; hour++) {
                double expected = perDay * weekday * HOURS[hour] / 18.0;
                int calls = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
                for (int i = 0; i < calls; i++) {
                    Instant at = day.atTime(hour, random.nextInt(60)).atZone(zone).toInstant();
                    call.accept(at, oneCall());
                    count++;
                }
            }
        }
        return count;
    }

    /** The events of one made-up call, in the order the call flow would report them. */
    public List<CallEvent> oneCall() {
        List<CallEvent> events = new ArrayList<>();
        events.add(CallEvent.callStarted());
        if (random.nextInt(100) < 7) {
            events.add(CallEvent.callEnded(5 + random.nextInt(25)));
            return events;
        }
        if (random.nextInt(100) < 4) {
            return noLanguageChosen(events);
        }
        String code = pickLanguage().code();
        events.add(CallEvent.languageChosen(code, "key"));
        int seconds = 20;
        for (int topics = random.nextInt(3); topics > 0; topics--) {
            events.add(CallEvent.optionChosen(code, "main", TOPICS[random.nextInt(TOPICS.length)]));
            seconds += 40 + random.nextInt(80);
        }
        if (random.nextInt(100) < 10) {
            events.add(CallEvent.invalidInput(code, "main"));
            if (random.nextInt(100) < 40) {
                events.add(CallEvent.callEnded(seconds + 10));
                return events;
            }
        }
        if (random.nextInt(100) < 30) {
            events.add(CallEvent.callEnded(seconds + 5));
            return events;
        }
        boolean speakNow = random.nextInt(100) < 35;
        ResourceLine line = speakNow ? catalog.hotline() : pickLine();
        events.add(CallEvent.optionChosen(code, "main", speakNow ? "speak_now" : "lines"));
        if (!speakNow) {
            events.add(CallEvent.optionChosen(code, "lines", line.id()));
        }
        events.add(CallEvent.transferAttempted(code, speakNow ? "main" : "lines", line.id(), false));
        for (int hop = 0; hop < 4; hop++) {
            int roll = random.nextInt(100);
            TransferOutcome outcome = roll < 76 ? TransferOutcome.CONNECTED : roll < 86 ? TransferOutcome.NO_ANSWER
                    : roll < 94 ? TransferOutcome.BUSY : TransferOutcome.FAILED;
            int talk = outcome == TransferOutcome.CONNECTED ? 60 + random.nextInt(900) : 0;
            events.add(CallEvent.transferOutcome(code, line.id(), outcome, talk));
            seconds += 25 + talk;
            if (outcome == TransferOutcome.CONNECTED || line.failover().isEmpty()) {
                break;
            }
            line = catalog.line(line.failover().get()).orElse(catalog.hotline());
            events.add(CallEvent.transferAttempted(code, CallEvent.TRANSFER, line.id(), true));
        }
        events.add(CallEvent.callEnded(seconds));
        return events;
    }

    /** A caller who pressed nothing in the language menu is connected to the line with interpreters. */
    private List<CallEvent> noLanguageChosen(List<CallEvent> events) {
        events.add(CallEvent.noInput("", CallEvent.LANGUAGE_MENU));
        events.add(CallEvent.noInput("", CallEvent.LANGUAGE_MENU));
        events.add(CallEvent.languageChosen(CallEvent.OTHER_LANGUAGE, "none"));
        String line = catalog.anotherLanguage().map(a -> a.lineId()).orElse(catalog.hotlineLineId());
        String language = catalog.defaultLanguage();
        events.add(CallEvent.transferAttempted(language, CallEvent.LANGUAGE_MENU, line, false));
        int talk = 60 + random.nextInt(600);
        events.add(CallEvent.transferOutcome(language, line, TransferOutcome.CONNECTED, talk));
        events.add(CallEvent.callEnded(70 + talk));
        return events;
    }

    private Language pickLanguage() {
        List<Language> languages = catalog.languages();
        // Most calls in the first languages of the menu, as on a real line, and some in every one of them.
        int roll = random.nextInt(100);
        int index = roll < 50 ? 0 : roll < 75 ? 1 : roll < 87 ? 2 : 3 + random.nextInt(Math.max(1, languages.size() - 3));
        return languages.get(Math.min(index, languages.size() - 1));
    }

    private ResourceLine pickLine() {
        List<ResourceLine> lines = catalog.lines();
        // The first lines of the directory are heard first and chosen most.
        int index = (int) Math.min(lines.size() - 1, Math.abs(random.nextGaussian()) * lines.size() / 2.5);
        return lines.get(index);
    }
}
