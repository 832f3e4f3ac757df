package hotline.admin;

import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.LineKind;
import hotline.catalog.PhoneNumber;
import hotline.catalog.TextRules;
import hotline.catalog.WeeklyPeriod;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A resource line as typed in its form: every field as text, so that a mistake is shown with everything else
 * the person typed still there. {@link #toEntry} checks each field and names the ones that are wrong.
 */
public record LineForm(String id, String kind, String number, boolean enabled, boolean open24Hours, String hours,
                       String closedDates, String failover, boolean whisper, Map<String, String> names,
                       Map<String, String> notes) {

    /** The country whose numbers may be typed without +1. */
    static final String HOME_REGION = "US";

    public static LineForm of(LineEntry line) {
        return new LineForm(line.id(), line.kind() == null ? "" : line.kind(),
                line.number() == null ? "" : PhoneNumber.isValidE164(line.number()) ? new PhoneNumber(line.number()).formatted() : line.number(),
                line.offered(), Boolean.TRUE.equals(line.open24Hours()),
                line.hours() == null ? "" : String.join("\n", line.hours()),
                line.closedDates() == null ? "" : String.join("\n", line.closedDates()),
                line.failover() == null ? "" : line.failover(), line.whispered(),
                line.names() == null ? Map.of() : line.names(), line.notes() == null ? Map.of() : line.notes());
    }

    public static LineForm empty() {
        return new LineForm("", "", "", true, false, "", "", "", true, Map.of(), Map.of());
    }

    public String name(String language) {
        return names.getOrDefault(language, "");
    }

    public String note(String language) {
        return notes.getOrDefault(language, "");
    }

    /** The line to store, or the problems by field name. */
    public Result toEntry() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (id.isBlank()) {
            errors.put("id", "Enter a short name for the line, like journey_out");
        } else if (!id.matches("[a-z0-9_]{1,40}")) {
            errors.put("id", "\"" + id + "\" cannot be a short name: use only lower-case letters a to z, digits and _, at most 40");
        }
        if (LineKind.fromFileName(kind).isEmpty()) {
            errors.put("kind", "Choose the kind of line");
        }
        Optional<PhoneNumber> phone = PhoneNumber.fromTyped(number, HOME_REGION);
        if (number.isBlank()) {
            errors.put("number", "Enter the line's phone number");
        } else if (phone.isEmpty()) {
            errors.put("number", "\"" + number + "\" is not a phone number that can be dialed: check that no digit is missing"
                    + " (a US or Canadian number has 10) and that a number abroad starts with + and its country code");
        }
        List<String> periods = lines(hours);
        List<String> hourProblems = new ArrayList<>();
        for (String period : periods) {
            try {
                WeeklyPeriod.parse(period);
            } catch (IllegalArgumentException e) {
                hourProblems.add(e.getMessage());
            }
        }
        if (!hourProblems.isEmpty()) {
            errors.put("hours", String.join("; ", hourProblems));
        }
        List<String> dates = lines(closedDates.replace(',', '\n'));
        List<String> badDates = dates.stream().filter(d -> !isDate(d)).toList();
        if (!badDates.isEmpty()) {
            errors.put("closed_dates", badDates.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(", "))
                    + " " + (badDates.size() == 1 ? "is not a date" : "are not dates") + ": write each as year-month-day, like 2026-12-25");
        }
        if (open24Hours && (!periods.isEmpty() || !dates.isEmpty())) {
            errors.put("hours", "A line open 24 hours has no weekly hours or closed dates: clear them, or untick \"Open 24 hours\"");
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        LineEntry entry = new LineEntry(id, kind, nonBlank(names), nonBlank(notes), phone.get().e164(),
                open24Hours ? true : null, periods.isEmpty() ? null : periods, dates.isEmpty() ? null : dates,
                failover.isBlank() ? null : failover, whisper ? null : false, enabled ? null : false);
        return new Result(Optional.of(entry), errors);
    }

    /** The form as the page sent it (or as it was kept after a mistake). */
    static LineForm from(hotline.web.Form form, String id, List<String> languages) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (String language : languages) {
            names.put(language, form.text("name_" + language));
            notes.put(language, form.text("note_" + language));
        }
        return new LineForm(id, form.text("kind"), form.text("number"), form.has("enabled"), form.has("open_24_hours"),
                form.text("hours"), form.text("closed_dates"), form.text("failover"), form.has("whisper"), names, notes);
    }

    /** Typed with letters, as vanity numbers are ("1-800-HOTLINE"): the page then says which digits will be dialed. */
    public boolean typedWithLetters() {
        return number.chars().anyMatch(Character::isLetter);
    }

    /** The line, or what is wrong with the form, field by field. */
    public record Result(Optional<LineEntry> entry, Map<String, String> errors) {
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Map<String, String> nonBlank(Map<String, String> texts) {
        Map<String, String> kept = new LinkedHashMap<>();
        texts.forEach((language, text) -> {
            if (text != null && !text.isBlank()) {
                kept.put(language, TextRules.cleaned(text).strip());
            }
        });
        return kept;
    }
}
