package hotline.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What kind of organization answers a line. Callers hear it before every transfer, so that someone who fears the
 * police or immigration enforcement can choose with open eyes; the directory also warns before the lines that are
 * law enforcement or pass what they hear to it.
 */
public enum LineKind {
    HOTLINE("hotline", PromptKey.LINE_KIND_HOTLINE, false, "Hotline (not law enforcement)"),
    VICTIM_SERVICES("victim_services", PromptKey.LINE_KIND_VICTIM_SERVICES, false,
            "Victim services organization (not law enforcement)"),
    DISTRICT_ATTORNEY("district_attorney", PromptKey.LINE_KIND_DISTRICT_ATTORNEY, false,
            "District Attorney's office (prosecutes crimes, works with law enforcement)"),
    TIP_LINE("tip_line", PromptKey.LINE_KIND_TIP_LINE, true, "Tip line (passes tips to law enforcement)"),
    LAW_ENFORCEMENT("law_enforcement", PromptKey.LINE_KIND_LAW_ENFORCEMENT, true, "Law enforcement agency"),
    IMMIGRATION_ENFORCEMENT("immigration_enforcement", PromptKey.LINE_KIND_IMMIGRATION_ENFORCEMENT, true,
            "Immigration enforcement (a law enforcement agency)");

    private final String fileName;
    private final PromptKey notice;
    private final boolean reachesLawEnforcement;
    private final String description;

    LineKind(String fileName, PromptKey notice, boolean reachesLawEnforcement, String description) {
        this.fileName = fileName;
        this.notice = notice;
        this.reachesLawEnforcement = reachesLawEnforcement;
        this.description = description;
    }

    /** The kind in words, for staff. */
    public String description() {
        return description;
    }

    /** How {@code lines.yaml} writes it. */
    public String fileName() {
        return fileName;
    }

    /** The sentence callers hear before a transfer to a line of this kind. */
    public PromptKey notice() {
        return notice;
    }

    /** Law enforcement itself, or a line that passes what it hears on to law enforcement. */
    public boolean reachesLawEnforcement() {
        return reachesLawEnforcement;
    }

    public static Optional<LineKind> fromFileName(String name) {
        return Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst();
    }

    /** Every kind as {@code lines.yaml} writes it, for error messages and forms. */
    public static String allFileNames() {
        return Arrays.stream(values()).map(LineKind::fileName).collect(Collectors.joining(", "));
    }
}
