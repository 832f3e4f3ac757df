package hotline.admin;

import hotline.accounts.AccountRoutes;
import hotline.catalog.CatalogSource;
import hotline.catalog.LanguageNames;
import hotline.web.Dates;
import hotline.web.KeptForms;

import java.time.ZoneId;
import java.util.Optional;

/** A kept form as pages name it: what it was for ("Prompts in Spanish"), when it was sent, and where to see it again. */
public final class KeptFormViews {
    /** A kept form in a list: its page, when, and its link. */
    public record View(String id, String where, String when, String link) {
    }

    private KeptFormViews() {
    }

    static View of(KeptForms.Kept kept, CatalogSource draft, ZoneId zone) {
        return new View(kept.id(), where(kept, draft), Dates.dateTimeInZone(kept.keptAt(), zone), AccountRoutes.kept(kept.id()));
    }

    /** The page a form was sent from, in words. */
    static String where(KeptForms.Kept kept, CatalogSource draft) {
        String path = kept.path();
        if (path.equals(AdminRoutes.PROMPTS)) {
            String code = kept.form().text("lang");
            return "Prompts in " + languageName(draft, code);
        }
        if (path.equals(AdminRoutes.LANGUAGES)) {
            return "The language menu";
        }
        if (path.equals(AdminRoutes.LANGUAGE_ADD)) {
            return "Adding a language";
        }
        if (path.equals(AdminRoutes.DIRECTORY)) {
            return "Transfer settings";
        }
        if (path.equals(AdminRoutes.PUBLISH)) {
            return "Publishing the draft";
        }
        if (path.startsWith(AdminRoutes.LINES + "/")) {
            String id = path.substring(AdminRoutes.LINES.length() + 1);
            return id.equals("new") ? "A new line" : "Line: " + lineName(draft, id);
        }
        if (path.startsWith(AccountRoutes.ACCOUNTS)) {
            return "Accounts";
        }
        return path;
    }

    /** Where the form can be shown again, filled in with what was sent, for a check before saving; empty if nowhere. */
    static Optional<String> fillIn(KeptForms.Kept kept) {
        String path = kept.path();
        String typed = "typed=" + kept.id();
        if (path.equals(AdminRoutes.PROMPTS)) {
            return Optional.of(AdminRoutes.PROMPTS + "?lang=" + kept.form().text("lang") + "&" + typed);
        }
        if (path.equals(AdminRoutes.LANGUAGES) || path.startsWith(AdminRoutes.LINES + "/") && !path.endsWith("/delete")
                && !path.endsWith("/move")) {
            return Optional.of(path + "?" + typed);
        }
        if (path.equals(AdminRoutes.PUBLISH)) {
            return Optional.of(AdminRoutes.HOME + "?" + typed);
        }
        return Optional.empty();
    }

    static String languageName(CatalogSource draft, String code) {
        return draft.languages().languages().stream().filter(l -> l.code().equals(code)).findFirst()
                .map(l -> LanguageNames.english(l.code(), l.name())).orElse(LanguageNames.english(code, null));
    }

    static String lineName(CatalogSource draft, String id) {
        String reference = draft.languages().defaultLanguage();
        return draft.lines().lines().stream().filter(l -> id.equals(l.id())).findFirst()
                .map(l -> l.names() == null ? id : l.names().getOrDefault(reference, id)).orElse(id);
    }
}
