package hotline.catalog;

import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.CatalogSource.LinesFile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks {@code lines.yaml}: numbers, names in every language, hours, and failover chains that end at a 24-hour line. */
final class LineDirectoryValidator {
    /** Stands for a time zone that is missing or wrong, so that checking goes on: such content is never served. */
    private static final ZoneId UNKNOWN_ZONE = ZoneOffset.UTC;
    static final int DEFAULT_DIAL_TIMEOUT_SECONDS = 25;
    private static final String FILE = CatalogSource.LINES_FILE;

    private LineDirectoryValidator() {
    }

    /**
     * @param declared every language of languages.yaml, offered or not
     * @param offered  the languages callers can choose, in which every line offered needs a name
     */
    static LineDirectory validate(LinesFile file, Set<String> declared, Set<String> offered, List<CatalogProblem> problems) {
        if (file == null || file.lines() == null || file.lines().isEmpty()) {
            problems.add(new CatalogProblem(FILE, "lines", "missing; list at least the 24-hour hotline"));
            return new LineDirectory(List.of(), UNKNOWN_ZONE, "", List.of(), DEFAULT_DIAL_TIMEOUT_SECONDS,
                    Optional.empty());
        }
        ZoneId zone = timeZone(file.timeZone(), problems);
        int dialTimeout = dialTimeout(file.dialTimeoutSeconds(), problems);

        Map<String, ResourceLine> lines = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> disabled = new HashSet<>();
        for (int i = 0; i < file.lines().size(); i++) {
            LineEntry entry = file.lines().get(i);
            String label = "lines[" + i + "]" + (entry.id() == null ? "" : " (" + entry.id() + ")");
            if (entry.id() != null && !ids.add(entry.id())) {
                problems.add(new CatalogProblem(FILE, label + ".id", "\"" + entry.id() + "\" is used by two lines"));
                continue;
            }
            if (!entry.offered()) {
                disabled.add(entry.id());
            }
            line(entry, label, declared, entry.offered() ? offered : Set.of(), zone, problems).ifPresent(line -> {
                if (entry.offered()) {
                    lines.put(line.id(), line);
                    labels.put(line.id(), label);
                }
            });
        }
        for (ResourceLine line : lines.values()) {
            checkFailoverChain(line, lines, disabled, labels.get(line.id()), problems);
        }

        String hotline = file.hotline();
        if (hotline == null || !lines.containsKey(hotline) || !lines.get(hotline).openAllDay()) {
            problems.add(new CatalogProblem(FILE, "hotline", "\"" + hotline
                    + "\" must name an offered line with open_24_hours: true; every failure ends there"));
        }
        List<String> speakNow = file.speakNow() == null || file.speakNow().isEmpty()
                ? (hotline == null ? List.of() : List.of(hotline)) : file.speakNow();
        for (int i = 0; i < speakNow.size(); i++) {
            if (!lines.containsKey(speakNow.get(i))) {
                problems.add(new CatalogProblem(FILE, "speak_now[" + i + "]", "\"" + speakNow.get(i) + "\" is "
                        + (disabled.contains(speakNow.get(i)) ? "disabled" : "not the id of a line")));
            }
        }
        return new LineDirectory(List.copyOf(lines.values()), zone, hotline == null ? "" : hotline, speakNow, dialTimeout,
                whisper(file.whisper(), problems));
    }

    /** The notice lines hear when they answer: a sentence with {language}, in a voice Twilio has. */
    private static Optional<Catalog.Whisper> whisper(CatalogSource.WhisperEntry entry, List<CatalogProblem> problems) {
        if (entry == null) {
            return Optional.empty();
        }
        int before = problems.size();
        if (entry.text() == null || !entry.text().contains(Catalog.Whisper.LANGUAGE)) {
            problems.add(new CatalogProblem(FILE, "whisper.text", "must be a sentence with " + Catalog.Whisper.LANGUAGE
                    + ", which the line hears as the language the caller chose"));
        } else {
            TextRules.check(entry.text(), FILE, "whisper.text", problems);
        }
        if (!CatalogValidator.TWILIO_LANGUAGES.contains(String.valueOf(entry.twilioLanguage()))) {
            problems.add(new CatalogProblem(FILE, "whisper.twilio_language", "\"" + entry.twilioLanguage()
                    + "\" is not a language Twilio can speak (such as en-US)"));
        }
        if (!CatalogValidator.TWILIO_VOICES.contains(String.valueOf(entry.voice()))) {
            problems.add(new CatalogProblem(FILE, "whisper.voice", "\"" + entry.voice()
                    + "\" is not a Twilio voice (such as Polly.Joanna-Neural); names are case-sensitive"));
        }
        return CatalogProblem.onlyWordingSince(problems, before)
                ? Optional.of(new Catalog.Whisper(entry.text().strip(), entry.twilioLanguage(), entry.voice()))
                : Optional.empty();
    }

    /** @param named the languages in which this line needs a name (none for a disabled line) */
    private static Optional<ResourceLine> line(LineEntry entry, String label, Set<String> declared, Set<String> named,
                                               ZoneId zone, List<CatalogProblem> problems) {
        int before = problems.size();
        if (entry.id() == null || !entry.id().matches("[a-z0-9_]{1,40}")) {
            problems.add(new CatalogProblem(FILE, label + ".id", "\"" + entry.id()
                    + "\" must be lower-case letters, digits and _ (up to 40)"));
        }
        Map<String, String> names = entry.names() == null ? Map.of() : entry.names();
        for (String language : named) {
            if (names.get(language) == null || names.get(language).isBlank()) {
                problems.add(new CatalogProblem(FILE, label + ".names." + language, "missing; every line needs a name in every language"));
            }
        }
        Map<String, String> notes = entry.notes() == null ? Map.of() : entry.notes();
        for (String language : union(names.keySet(), notes.keySet())) {
            if (!declared.contains(language)) {
                problems.add(new CatalogProblem(FILE, label + ".names." + language, "unknown language \"" + language
                        + "\"; it is not in " + CatalogSource.LANGUAGES_FILE));
            }
        }
        Optional<LineKind> kind = LineKind.fromFileName(entry.kind());
        if (kind.isEmpty()) {
            problems.add(new CatalogProblem(FILE, label + ".kind", (entry.kind() == null ? "missing" : "\"" + entry.kind()
                    + "\" is not a kind of line") + "; callers hear it before every transfer, so say which it is: "
                    + LineKind.allFileNames()));
        }
        for (String language : named) {
            TextRules.check(names.get(language), FILE, label + ".names." + language, problems);
            TextRules.check(notes.get(language), FILE, label + ".notes." + language, problems);
        }
        if (!PhoneNumber.isValidE164(entry.number())) {
            problems.add(new CatalogProblem(FILE, label + ".number", "\"" + entry.number()
                    + "\" is not a valid phone number; write it in E.164 form, like +18883737888"));
        }
        OpeningHours hours = hours(entry, label, problems);
        boolean allDay = hours.openAllDay();
        if (entry.offered() && !allDay && (entry.failover() == null || entry.failover().isBlank())) {
            problems.add(new CatalogProblem(FILE, label + ".failover", "missing; a line that is not open 24 hours needs a "
                    + "failover chain that ends at a 24-hour line"));
        }
        if (!CatalogProblem.onlyWordingSince(problems, before)) {
            return Optional.empty();
        }
        return Optional.of(new ResourceLine(entry.id(), kind.orElseThrow(), names, notes, new PhoneNumber(entry.number()),
                hours, Optional.ofNullable(entry.failover()).filter(f -> !f.isBlank()), entry.whispered()));
    }

    private static OpeningHours hours(LineEntry entry, String label, List<CatalogProblem> problems) {
        boolean allDay = Boolean.TRUE.equals(entry.open24Hours());
        List<String> weekly = entry.hours() == null ? List.of() : entry.hours();
        List<String> closed = entry.closedDates() == null ? List.of() : entry.closedDates();
        if (allDay && (!weekly.isEmpty() || !closed.isEmpty())) {
            problems.add(new CatalogProblem(FILE, label + ".open_24_hours", "a line open 24 hours has no hours or closed dates"));
            return OpeningHours.TWENTY_FOUR_SEVEN;
        }
        if (allDay) {
            return OpeningHours.TWENTY_FOUR_SEVEN;
        }
        List<WeeklyPeriod> periods = new ArrayList<>();
        for (int i = 0; i < weekly.size(); i++) {
            try {
                periods.add(WeeklyPeriod.parse(weekly.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(new CatalogProblem(FILE, label + ".hours[" + i + "]", e.getMessage()));
            }
        }
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < closed.size(); i++) {
            try {
                dates.add(LocalDate.parse(closed.get(i)));
            } catch (DateTimeException e) {
                problems.add(new CatalogProblem(FILE, label + ".closed_dates[" + i + "]", "\"" + closed.get(i)
                        + "\" is not a date; write it like 2026-12-25"));
            }
        }
        return new OpeningHours(false, periods, dates);
    }

    /**
     * Follows the failover links from {@code start}: each chain must reach a 24-hour line and never loop. It is
     * followed past 24-hour lines too, since one may go on to another when busy: two that lead to each other would
     * pass a caller back and forth between two busy lines without end.
     */
    private static void checkFailoverChain(ResourceLine start, Map<String, ResourceLine> lines, Set<String> disabled,
                                           String label, List<CatalogProblem> problems) {
        List<String> chain = new ArrayList<>(List.of(start.id()));
        ResourceLine current = start;
        while (current.failover().isPresent()) {
            String next = current.failover().get();
            if (!lines.containsKey(next)) {
                if (current == start) {
                    problems.add(new CatalogProblem(FILE, label + ".failover", "\"" + next + "\" is "
                            + (disabled.contains(next) ? "disabled; a failover must lead to a line that is offered"
                            : "not the id of a line")));
                }
                return;
            }
            if (chain.contains(next)) {
                chain.add(next);
                problems.add(new CatalogProblem(FILE, label + ".failover", "failover cycle: " + String.join(" -> ", chain)
                        + "; a chain must end at a line open 24 hours that leads back to none of its lines"));
                return;
            }
            chain.add(next);
            current = lines.get(next);
        }
    }

    private static ZoneId timeZone(String name, List<CatalogProblem> problems) {
        try {
            if (name == null || name.isBlank()) {
                problems.add(new CatalogProblem(FILE, "time_zone", "missing; the hotline's days, hours and opening hours "
                        + "are counted in it: use a name like America/Los_Angeles"));
                return UNKNOWN_ZONE;
            }
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            problems.add(new CatalogProblem(FILE, "time_zone", "\"" + name + "\" is not a time zone; use a name like "
                    + "America/Los_Angeles"));
            return UNKNOWN_ZONE;
        }
    }

    private static int dialTimeout(Integer seconds, List<CatalogProblem> problems) {
        if (seconds == null) {
            return DEFAULT_DIAL_TIMEOUT_SECONDS;
        }
        if (seconds < 5 || seconds > 60) {
            problems.add(new CatalogProblem(FILE, "dial_timeout_seconds", seconds + " must be between 5 and 60"));
        }
        return seconds;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
