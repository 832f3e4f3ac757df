package hotline.admin;

import hotline.catalog.CatalogProblem;
import hotline.catalog.CatalogSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validation problem as the editor shows it: where it is in words ("Prompts in Spanish · Transfers: The line is
 * busy"), what is wrong, and a link to the page where it can be fixed. The file's own names stay in small print.
 */
public record ProblemView(String text, String link) {
    private static final Pattern LINE_ID = Pattern.compile("lines\\[\\d+] \\(([a-z0-9_]+)\\)\\.?(.*)");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("languages\\[\\d+] \\(([^)]+)\\)\\.?(.*)");
    private static final Pattern FAILOVER_CYCLE = Pattern.compile("failover cycle: ([a-z0-9_ >-]+); (.*)");
    private static final Pattern UNRECORDED = Pattern.compile("has no text-to-speech voice.*?(\\d+) recording\\(s\\) missing");

    public static List<ProblemView> of(List<CatalogProblem> problems, CatalogSource content) {
        return problems.stream().map(p -> of(p, content)).toList();
    }

    static ProblemView of(CatalogProblem problem, CatalogSource content) {
        String where = where(problem, content);
        Matcher unrecorded = UNRECORDED.matcher(problem.message());
        if (problem.key().equals("recordings") && unrecorded.find()) {
            // The check lists every piece by its slot name, for the files; the Recordings page lists them in words.
            String language = KeptFormViews.languageName(content, code(problem));
            return new ProblemView(where + ": " + language + " has no text-to-speech voice, so it can be offered only when"
                    + " everything it says is recorded; " + unrecorded.group(1) + " recordings are missing or out of date",
                    AdminRoutes.recordingsToDo(code(problem)));
        }
        return new ProblemView(where.isEmpty() ? capitalized(problem.message()) : where + ": " + inWords(problem, content),
                linkFor(problem));
    }

    /** The message, with the lines of a failover circle named as the Lines page names them, not by their ids. */
    private static String inWords(CatalogProblem problem, CatalogSource content) {
        Matcher cycle = FAILOVER_CYCLE.matcher(problem.message());
        if (!problem.file().equals(CatalogSource.LINES_FILE) || !cycle.matches()) {
            return problem.message();
        }
        List<String> names = java.util.Arrays.stream(cycle.group(1).split(" -> "))
                .map(id -> KeptFormViews.lineName(content, id)).toList();
        return "the lines to go on to lead round in a circle (" + String.join(" → ", names) + "); " + cycle.group(2);
    }

    private static String code(CatalogProblem problem) {
        return problem.file().substring(0, problem.file().length() - ".yaml".length());
    }

    /** Where a problem is, in words; empty for one about no place (an answer that could not be rehearsed). */
    static String where(CatalogProblem problem, CatalogSource content) {
        String file = problem.file();
        String key = problem.key();
        if (file.isEmpty()) {
            return "";
        }
        if (file.equals(CatalogSource.LANGUAGES_FILE)) {
            Matcher language = LANGUAGE_CODE.matcher(key);
            if (language.matches()) {
                return "Language: " + KeptFormViews.languageName(content, language.group(1)) + suffix(language.group(2));
            }
            return "Language menu" + suffix(key);
        }
        if (file.equals(CatalogSource.LINES_FILE)) {
            Matcher line = LINE_ID.matcher(key);
            if (line.matches()) {
                return "Line: " + KeptFormViews.lineName(content, line.group(1)) + suffix(line.group(2));
            }
            return "Transfers" + suffix(key);
        }
        if (file.endsWith(".yaml")) {
            String language = KeptFormViews.languageName(content, file.substring(0, file.length() - ".yaml".length()));
            if (key.startsWith("recordings")) {
                String slot = key.startsWith("recordings.") ? key.substring("recordings.".length()) : "";
                return "Recordings in " + language + (slot.isEmpty() ? "" : " · "
                        + RecordingPieces.describe(slot, id -> KeptFormViews.lineName(content, id)) + " (" + slot + ")");
            }
            String bare = key.replaceAll("\\[\\d+]$", "");
            return "Prompts in " + language + (key.isEmpty() ? " (" + file + ")" : " · " + PromptLabels.withSection(bare) + " (" + key + ")");
        }
        return file + suffix(key);
    }

    private static String suffix(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        // The Lines page's words for its fields, where they differ from the file's.
        return " · " + (key.equals("failover") ? "when busy, unanswered or closed, go on to" : key.replace('_', ' '));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String linkFor(CatalogProblem problem) {
        if (problem.file().equals(CatalogSource.LANGUAGES_FILE)) {
            return AdminRoutes.LANGUAGES;
        }
        if (problem.file().equals(CatalogSource.LINES_FILE)) {
            Matcher line = LINE_ID.matcher(problem.key());
            return line.matches() ? AdminRoutes.line(line.group(1)) : AdminRoutes.LINES;
        }
        if (problem.file().endsWith(".yaml")) {
            String language = problem.file().substring(0, problem.file().length() - ".yaml".length());
            String anchor = problem.key().replaceAll("\\[\\d+]$", "");
            return AdminRoutes.PROMPTS + "?lang=" + URLEncoder.encode(language, StandardCharsets.UTF_8)
                    + (anchor.isEmpty() ? "" : "#" + anchor);
        }
        return AdminRoutes.HOME;
    }
}
