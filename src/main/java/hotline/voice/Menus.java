package hotline.voice;

import hotline.catalog.Catalog;
import hotline.catalog.PromptKey;
import hotline.catalog.ResourceLine;
import hotline.voice.CallStep.MenuStep;
import hotline.voice.MenuOption.ChooseLine;
import hotline.voice.MenuOption.OpenMenu;
import hotline.voice.MenuOption.PlayTopic;
import hotline.voice.MenuOption.Transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys of every menu. The same three keys work everywhere and are not listed here: {@link #REPEAT},
 * {@link #MAIN_MENU} and {@link #SPEAK_NOW}.
 */
final class Menus {
    static final String REPEAT = "*";
    static final String MAIN_MENU = "#";
    static final String SPEAK_NOW = "0";
    /** Lines per page of the directory: keys 1 to 7, then 8 for more and 9 for the page before. */
    static final int LINES_PER_PAGE = 7;
    static final String NEXT_PAGE = "8";
    static final String PREVIOUS_PAGE = "9";

    /** "Speak with someone now" comes first, right after the safety sentence: a person is one key away. */
    private static final List<MenuOption> MAIN = List.of(
            heard(SPEAK_NOW, PromptKey.MAIN_SPEAK_NOW, new MenuOption.SpeakNow(), PromptKey.SPEECH_SPEAK_NOW),
            heard("1", PromptKey.MAIN_FACTS, new PlayTopic(Topic.FACTS), PromptKey.SPEECH_FACTS),
            heard("2", PromptKey.MAIN_ABOUT, new OpenMenu(Menu.ABOUT, 0), PromptKey.SPEECH_ABOUT),
            heard("3", PromptKey.MAIN_SERVICES, new PlayTopic(Topic.SERVICES), PromptKey.SPEECH_SERVICES),
            heard("4", PromptKey.MAIN_REPORTING, new PlayTopic(Topic.REPORTING), PromptKey.SPEECH_REPORTING),
            heard("5", PromptKey.MAIN_LINES, new OpenMenu(Menu.LINES, 0), PromptKey.SPEECH_LINES));

    private static final List<MenuOption> ABOUT = List.of(
            option("1", PromptKey.ABOUT_WHAT_IS, new PlayTopic(Topic.WHAT_IS)),
            option("2", PromptKey.ABOUT_SEX_TRAFFICKING, new PlayTopic(Topic.SEX_TRAFFICKING)),
            option("3", PromptKey.ABOUT_LABOR_TRAFFICKING, new PlayTopic(Topic.LABOR_TRAFFICKING)));

    private Menus() {
    }

    static List<MenuOption> options(Catalog catalog, MenuStep step, Instant now) {
        return switch (step.menu()) {
            case MAIN -> MAIN;
            case ABOUT -> ABOUT;
            case LINES -> linesPage(catalog, step.page());
            case CLOSED -> closedLine(catalog, step, now);
        };
    }

    static int pageCount(Catalog catalog) {
        return Math.max(1, (catalog.lines().size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
    }

    private static List<MenuOption> linesPage(Catalog catalog, int page) {
        List<ResourceLine> lines = catalog.lines();
        List<MenuOption> options = new ArrayList<>();
        int first = page * LINES_PER_PAGE;
        for (int i = first; i < Math.min(first + LINES_PER_PAGE, lines.size()); i++) {
            ResourceLine line = lines.get(i);
            options.add(new MenuOption(Integer.toString(i - first + 1), PromptKey.LINES_OPTION, Optional.of(line),
                    new ChooseLine(line.id()), Optional.empty()));
        }
        if (page + 1 < pageCount(catalog)) {
            options.add(option(NEXT_PAGE, PromptKey.LINES_NEXT_PAGE, new OpenMenu(Menu.LINES, page + 1)));
        }
        if (page > 0) {
            options.add(option(PREVIOUS_PAGE, PromptKey.LINES_PREVIOUS_PAGE, new OpenMenu(Menu.LINES, page - 1)));
        }
        return options;
    }

    private static List<MenuOption> closedLine(Catalog catalog, MenuStep step, Instant now) {
        return step.line().flatMap(catalog::line)
                .flatMap(closed -> catalog.firstOpenInChain(closed.failover(), now))
                .map(open -> List.of(new MenuOption("1", PromptKey.CLOSED_ALTERNATIVE, Optional.of(open),
                        new Transfer(open.id()), Optional.empty())))
                .orElse(List.of());
    }

    /** The main menu's options, which a caller may also choose by saying their words. */
    static List<MenuOption> mainMenu() {
        return MAIN;
    }

    private static MenuOption option(String key, PromptKey prompt, MenuOption.Choice choice) {
        return new MenuOption(key, prompt, Optional.empty(), choice, Optional.empty());
    }

    private static MenuOption heard(String key, PromptKey prompt, MenuOption.Choice choice, PromptKey words) {
        return new MenuOption(key, prompt, Optional.empty(), choice, Optional.of(words));
    }
}
