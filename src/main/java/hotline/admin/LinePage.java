package hotline.admin;

import hotline.web.Frame;

import java.util.List;
import java.util.Map;

/** One line's form, as stored or as just typed, with what is wrong with it by field. */
public record LinePage(Frame frame, boolean isNew, LineForm form, List<String> languages, String referenceLanguage,
                       List<String> failoverOptions, Map<String, String> errors) {
    public String title() {
        String name = form.name(referenceLanguage);
        return isNew ? "New line" : name.isEmpty() ? form.id() : name;
    }

    /** A kind of line in words, as the form offers it. */
    public String kindLabel(hotline.catalog.LineKind kind) {
        return switch (kind) {
            case HOTLINE -> "Hotline (not law enforcement)";
            case VICTIM_SERVICES -> "Victim services organization (not law enforcement)";
            case DISTRICT_ATTORNEY -> "District Attorney's office (prosecutes crimes, works with law enforcement)";
            case TIP_LINE -> "Tip line (passes tips to law enforcement)";
            case LAW_ENFORCEMENT -> "Law enforcement agency";
            case IMMIGRATION_ENFORCEMENT -> "Immigration enforcement (a law enforcement agency)";
        };
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }
}
