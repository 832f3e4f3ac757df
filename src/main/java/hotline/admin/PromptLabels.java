package hotline.admin;

import hotline.catalog.PromptKey;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every text callers hear, described in words for the people who write them ("Safety sentence that opens the main
 * menu"), with its key kept for small print; and the places in the call that group them. Written once: the prompts
 * page, the draft's changes, versions and recordings all name texts this way.
 */
public final class PromptLabels {
    /** A place in the call: its title, a short help, and the prefix its texts' keys share. */
    public record Section(String prefix, String title, String help) {
        /** Where the section starts on the prompts page. */
        public String anchor() {
            return "section-" + prefix;
        }
    }

    private static final Map<PromptKey, String> LABELS = new EnumMap<>(PromptKey.class);
    private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

    static {
        section("language_menu", "Language menu", "Each language's welcome and key are said in its own voice; \"another"
                + " language\" in the languages chosen for it on the Languages page.");
        section("main_menu", "Main menu", "The safety sentence opens the main menu.");
        section("about_menu", "What trafficking is (menu)", "");
        section("lines_menu", "Phone numbers (menu)", "{name} is the line's name in this language.");
        section("line_kinds", "Who will answer", "Said before every transfer, by the kind of the line (see Lines), so that a"
                + " caller who fears the police or immigration enforcement can choose with open eyes.");
        section("closed_line", "A line that is closed", "");
        section("topics", "Topics", "Each paragraph is spoken as one short segment, with a pause after it. Leave an empty"
                + " line between paragraphs.");
        section("input", "No key, or a wrong key", "");
        section("transfer", "Transfers", "{number} is said digit by digit; say it twice.");
        section("error", "When something goes wrong", "Followed by a transfer to the 24-hour hotline.");
        section("speech_words", "Words callers may say", "Listened for at the main menu, never spoken.");

        label(PromptKey.LANGUAGE_WELCOME, "Welcome, said in this language before its key");
        label(PromptKey.LANGUAGE_OPTION, "This language's key (\"For English, press 1\")");
        label(PromptKey.LANGUAGE_ANOTHER, "The key for callers whose language is not offered");
        label(PromptKey.LANGUAGE_INTERPRETER, "Before connecting someone to the line with interpreters");
        label(PromptKey.MAIN_SAFETY, "Safety sentence that opens the main menu");
        label(PromptKey.MAIN_KEYS, "How the keys work (repeat, main menu, speak with someone)");
        label(PromptKey.MAIN_FACTS, "Option: facts about human trafficking");
        label(PromptKey.MAIN_ABOUT, "Option: what human trafficking is");
        label(PromptKey.MAIN_SERVICES, "Option: services for victims");
        label(PromptKey.MAIN_REPORTING, "Option: how to report");
        label(PromptKey.MAIN_LINES, "Option: phone numbers");
        label(PromptKey.MAIN_SPEAK_NOW, "Option: speak with someone now");
        label(PromptKey.ABOUT_WHAT_IS, "Option: the definition of human trafficking");
        label(PromptKey.ABOUT_SEX_TRAFFICKING, "Option: sex trafficking");
        label(PromptKey.ABOUT_LABOR_TRAFFICKING, "Option: labor trafficking");
        label(PromptKey.LINES_INTRO, "Before the list of phone numbers");
        label(PromptKey.LINES_OPTION, "Each line of the list: its name and key");
        label(PromptKey.LINES_NEXT_PAGE, "The key for more lines");
        label(PromptKey.LINES_PREVIOUS_PAGE, "The key for the lines before");
        label(PromptKey.LINES_LAW_ENFORCEMENT, "Before the lines that are, or reach, law enforcement");
        label(PromptKey.LINE_KIND_HOTLINE, "Before a transfer to a hotline");
        label(PromptKey.LINE_KIND_VICTIM_SERVICES, "Before a transfer to an organization that helps victims");
        label(PromptKey.LINE_KIND_DISTRICT_ATTORNEY, "Before a transfer to the District Attorney's office");
        label(PromptKey.LINE_KIND_TIP_LINE, "Before a transfer to a tip line");
        label(PromptKey.LINE_KIND_LAW_ENFORCEMENT, "Before a transfer to a law enforcement agency");
        label(PromptKey.LINE_KIND_IMMIGRATION_ENFORCEMENT, "Before a transfer to immigration enforcement");
        label(PromptKey.CLOSED_ANNOUNCEMENT, "A line is closed: when to call it");
        label(PromptKey.CLOSED_ALTERNATIVE, "A line is closed: the open line offered instead");
        label(PromptKey.TOPIC_FACTS, "Facts about human trafficking");
        label(PromptKey.TOPIC_WHAT_IS, "What human trafficking is");
        label(PromptKey.TOPIC_SEX_TRAFFICKING, "Sex trafficking");
        label(PromptKey.TOPIC_LABOR_TRAFFICKING, "Labor trafficking");
        label(PromptKey.TOPIC_SERVICES, "Services for victims");
        label(PromptKey.TOPIC_REPORTING, "How to report");
        label(PromptKey.INPUT_NO_INPUT, "The caller pressed nothing");
        label(PromptKey.INPUT_INVALID, "The caller pressed a key that is not a choice");
        label(PromptKey.TRANSFER_CONNECTING, "Connecting: the line's name and number");
        label(PromptKey.TRANSFER_TOO_MANY_TRIES, "After three tries without a choice");
        label(PromptKey.TRANSFER_BUSY, "The line is busy");
        label(PromptKey.TRANSFER_NO_ANSWER, "The line did not answer");
        label(PromptKey.TRANSFER_FAILED, "The call could not be connected");
        label(PromptKey.TRANSFER_UNREACHABLE, "Even the 24-hour line could not be reached");
        label(PromptKey.TRANSFER_CALL_LATER, "The number to call later");
        label(PromptKey.TRANSFER_GOODBYE, "Goodbye, when the call ends");
        label(PromptKey.ERROR_APOLOGY, "Apology when something goes wrong");
        label(PromptKey.SPEECH_FACTS, "Words for: facts");
        label(PromptKey.SPEECH_ABOUT, "Words for: what trafficking is");
        label(PromptKey.SPEECH_SERVICES, "Words for: services");
        label(PromptKey.SPEECH_REPORTING, "Words for: how to report");
        label(PromptKey.SPEECH_LINES, "Words for: phone numbers");
        label(PromptKey.SPEECH_SPEAK_NOW, "Words for: speak with someone");
    }

    private PromptLabels() {
    }

    private static void section(String prefix, String title, String help) {
        SECTIONS.put(prefix, new Section(prefix, title, help));
    }

    private static void label(PromptKey key, String label) {
        LABELS.put(key, label);
    }

    /** The text in words; for a key no release knows (from an old file), the key itself. */
    public static String of(String keyPath) {
        return PromptKey.forPath(keyPath).map(LABELS::get).orElse(keyPath);
    }

    /** "Main menu: Safety sentence that opens the main menu". */
    public static String withSection(String keyPath) {
        return sectionOf(keyPath).map(s -> s.title() + ": ").orElse("") + of(keyPath);
    }

    public static java.util.Optional<Section> sectionOf(String keyPath) {
        int dot = keyPath.indexOf('.');
        return dot < 0 ? java.util.Optional.empty() : java.util.Optional.ofNullable(SECTIONS.get(keyPath.substring(0, dot)));
    }

    /** The sections of the prompts page, in the order callers meet them (words callers say are not edited there). */
    public static java.util.List<Section> editedSections() {
        return SECTIONS.values().stream().filter(s -> !s.prefix().equals("speech_words")).toList();
    }

    static boolean describesEveryKey() {
        return LABELS.size() == PromptKey.values().length;
    }
}
