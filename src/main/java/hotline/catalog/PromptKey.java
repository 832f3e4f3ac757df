package hotline.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every text a language file must provide, with the placeholders each one must contain.
 * The list is the contract between the call flow and the people who write prompts.
 */
public enum PromptKey {
    LANGUAGE_WELCOME("language_menu.welcome"),
    LANGUAGE_OPTION("language_menu.option", "{key}"),
    LANGUAGE_ANOTHER("language_menu.another", "{key}"),
    LANGUAGE_INTERPRETER("language_menu.interpreter"),

    MAIN_SAFETY("main_menu.safety"),
    MAIN_KEYS("main_menu.keys"),
    MAIN_FACTS("main_menu.facts", "{key}"),
    MAIN_ABOUT("main_menu.about", "{key}"),
    MAIN_SERVICES("main_menu.services", "{key}"),
    MAIN_REPORTING("main_menu.reporting", "{key}"),
    MAIN_LINES("main_menu.lines", "{key}"),
    MAIN_SPEAK_NOW("main_menu.speak_now", "{key}"),

    ABOUT_WHAT_IS("about_menu.what_is", "{key}"),
    ABOUT_SEX_TRAFFICKING("about_menu.sex_trafficking", "{key}"),
    ABOUT_LABOR_TRAFFICKING("about_menu.labor_trafficking", "{key}"),

    LINES_INTRO("lines_menu.intro"),
    LINES_OPTION("lines_menu.option", "{name}", "{key}"),
    LINES_NEXT_PAGE("lines_menu.next_page", "{key}"),
    LINES_PREVIOUS_PAGE("lines_menu.previous_page", "{key}"),
    LINES_LAW_ENFORCEMENT("lines_menu.law_enforcement"),

    LINE_KIND_HOTLINE("line_kinds.hotline"),
    LINE_KIND_VICTIM_SERVICES("line_kinds.victim_services"),
    LINE_KIND_DISTRICT_ATTORNEY("line_kinds.district_attorney"),
    LINE_KIND_TIP_LINE("line_kinds.tip_line"),
    LINE_KIND_LAW_ENFORCEMENT("line_kinds.law_enforcement"),
    LINE_KIND_IMMIGRATION_ENFORCEMENT("line_kinds.immigration_enforcement"),

    CLOSED_ANNOUNCEMENT("closed_line.announcement", "{name}", "{number}", "{number}"),
    CLOSED_ALTERNATIVE("closed_line.alternative", "{name}", "{key}"),

    TOPIC_FACTS(Kind.SEGMENTS, "topics.facts"),
    TOPIC_WHAT_IS(Kind.SEGMENTS, "topics.what_is"),
    TOPIC_SEX_TRAFFICKING(Kind.SEGMENTS, "topics.sex_trafficking"),
    TOPIC_LABOR_TRAFFICKING(Kind.SEGMENTS, "topics.labor_trafficking"),
    TOPIC_SERVICES(Kind.SEGMENTS, "topics.services"),
    TOPIC_REPORTING(Kind.SEGMENTS, "topics.reporting"),

    INPUT_NO_INPUT("input.no_input"),
    INPUT_INVALID("input.invalid"),

    TRANSFER_CONNECTING("transfer.connecting", "{name}", "{number}", "{number}"),
    TRANSFER_TOO_MANY_TRIES("transfer.too_many_tries"),
    TRANSFER_BUSY("transfer.busy"),
    TRANSFER_NO_ANSWER("transfer.no_answer"),
    TRANSFER_FAILED("transfer.failed"),
    TRANSFER_UNREACHABLE("transfer.unreachable"),
    TRANSFER_CALL_LATER("transfer.call_later", "{name}", "{number}", "{number}"),
    TRANSFER_GOODBYE("transfer.goodbye"),

    ERROR_APOLOGY("error.apology"),

    SPEECH_FACTS(Kind.HEARD, "speech_words.facts"),
    SPEECH_ABOUT(Kind.HEARD, "speech_words.about"),
    SPEECH_SERVICES(Kind.HEARD, "speech_words.services"),
    SPEECH_REPORTING(Kind.HEARD, "speech_words.reporting"),
    SPEECH_LINES(Kind.HEARD, "speech_words.lines"),
    SPEECH_SPEAK_NOW(Kind.HEARD, "speech_words.speak_now");

    /**
     * A single text; a topic spoken as a list of short segments; or words a caller may say for a main-menu
     * option, separated by commas, listened for and never spoken.
     */
    public enum Kind { TEXT, SEGMENTS, HEARD }

    private static final Map<String, PromptKey> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PromptKey::path, Function.identity()));

    private final Kind kind;
    private final String path;
    private final List<String> requiredPlaceholders;

    PromptKey(String path, String... requiredPlaceholders) {
        this(Kind.TEXT, path, requiredPlaceholders);
    }

    PromptKey(Kind kind, String path, String... requiredPlaceholders) {
        this.kind = kind;
        this.path = path;
        this.requiredPlaceholders = List.of(requiredPlaceholders);
    }

    /** The dotted path of this text in a language file, such as {@code main_menu.safety}. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** Placeholders the text must contain; a placeholder listed twice must appear twice (numbers are said twice). */
    public List<String> requiredPlaceholders() {
        return requiredPlaceholders;
    }

    public static Optional<PromptKey> forPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }
}
