package hotline.admin;

import hotline.catalog.CatalogProblem;
import hotline.catalog.CatalogSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A validation problem as the editor shows it: its text, and a link to the page where it can be fixed. */
public record ProblemView(String text, String link) {
    private static final Pattern LINE_ID = Pattern.compile("lines\\[\\d+] \\(([a-z0-9_]+)\\)");

    public static List<ProblemView> of(List<CatalogProblem> problems) {
        return problems.stream().map(ProblemView::of).toList();
    }

    static ProblemView of(CatalogProblem problem) {
        return new ProblemView(problem.toString(), linkFor(problem));
    }

    private static String linkFor(CatalogProblem problem) {
        if (problem.file().equals(CatalogSource.LANGUAGES_FILE)) {
            return AdminRoutes.LANGUAGES;
        }
        if (problem.file().equals(CatalogSource.LINES_FILE)) {
            Matcher line = LINE_ID.matcher(problem.key());
            return line.find() ? AdminRoutes.line(line.group(1)) : AdminRoutes.LINES;
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
