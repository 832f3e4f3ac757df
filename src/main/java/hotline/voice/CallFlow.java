package hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Say;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptKey;
import hotline.catalog.ResourceLine;
import hotline.metrics.CallEvent;
import hotline.voice.CallStep.LanguageMenu;
import hotline.voice.CallStep.MenuStep;
import hotline.voice.CallStep.TransferResult;
import hotline.voice.MenuOption.ChooseLine;
import hotline.voice.MenuOption.OpenMenu;
import hotline.voice.MenuOption.PlayTopic;
import hotline.voice.MenuOption.SpeakNow;
import hotline.voice.MenuOption.Transfer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The whole call as a pure function: (catalog, step, caller input, time) to the TwiML Twilio speaks next.
 * No HTTP, no database, no clock of its own, so every path of a call can be tested directly.
 */
public final class CallFlow {
    /**
     * The language menu is heard at most this many times. A caller who chose nothing by then has most likely not
     * heard their language, so they go to the 24-hour line with interpreters rather than into a menu they may not
     * understand.
     */
    static final int LANGUAGE_MENU_PLAYS = 2;
    /** A menu gets this many tries without a valid choice; then the caller is transferred to the 24-hour line. */
    static final int MENU_TRIES = 3;
    /** Stands for speech that matched nothing: it counts as a wrong key. */
    private static final String UNRECOGNIZED = "?";

    private final StepUrls urls;
    private final MenuPrompt menus;
    private final Transfers transfers;

    public CallFlow(StepUrls urls) {
        this.urls = urls;
        this.menus = new MenuPrompt(urls);
        this.transfers = new Transfers(urls, menus);
    }

    /** A call comes in: the language menu, each language's welcome and option in its own voice. */
    public Reply incoming(Catalog catalog) {
        return new Reply(languageMenu(catalog, 0), List.of(CallEvent.callStarted()));
    }

    public Reply respond(Catalog catalog, CallStep step, CallInput input, Instant now) {
        if (step instanceof LanguageMenu s) {
            Turn turn = turn(catalog, "", input, now);
            return turn.reply(chooseLanguage(turn, s));
        }
        if (step instanceof MenuStep s) {
            Turn turn = turn(catalog, s.language(), input, now);
            MenuStep menu = normalized(turn, s);
            return turn.reply(chooseInMenu(turn, menu, choice(turn, menu)));
        }
        TransferResult s = (TransferResult) step;
        Turn turn = turn(catalog, s.language(), input, now);
        return turn.reply(transfers.outcome(turn, s));
    }

    /**
     * What a line hears, privately, when it answers a transfer, before the caller is connected: where the call comes
     * from and the language the caller chose. Nothing else about the caller.
     *
     * @param languageCode the caller's language, or anything else for a caller who chose none of the menu's
     */
    public VoiceResponse whisper(Catalog catalog, String languageCode) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        catalog.whisper().ifPresent(whisper -> response.say(new Say.Builder(whisper.about(catalog.language(languageCode)))
                .option("language", whisper.twilioLanguage()).option("voice", whisper.voice()).build()));
        return response.build();
    }

    /** Anything unexpected mid-call: an apology and a transfer to the 24-hour hotline; never silence or a 500. */
    public VoiceResponse safetyNet(Catalog catalog, String languageCode, Optional<String> hotlineNumber) {
        CallInput input = new CallInput("", Optional.empty(), 0, hotlineNumber, Optional.empty());
        return transfers.safetyNet(turn(catalog, languageCode, input, Instant.EPOCH));
    }

    /**
     * Each language in its own voice: its short welcome, then the key that chooses it; then, in the languages most
     * callers of other languages understand, the key for any other language. Keys only: see {@link Listening}.
     */
    private VoiceResponse languageMenu(Catalog catalog, int tries) {
        Speech speech = new Speech(catalog, urls);
        for (Language language : catalog.languages()) {
            speech.say(language, PromptKey.LANGUAGE_WELCOME).say(language, PromptKey.LANGUAGE_OPTION, Speech.Fill.key(language.key()));
        }
        catalog.anotherLanguage().ifPresent(another -> another.announceIn().forEach(code -> catalog.language(code).ifPresent(
                language -> speech.say(language, PromptKey.LANGUAGE_ANOTHER, Speech.Fill.key(another.key())))));
        return MenuPrompt.gather(urls.of(new LanguageMenu(tries)), speech, Optional.empty());
    }

    private VoiceResponse chooseLanguage(Turn start, LanguageMenu step) {
        Catalog catalog = start.catalog();
        String digits = start.input().digits().trim();
        Optional<Language> chosen = catalog.languages().stream().filter(l -> l.key().equals(digits)).findFirst();
        Optional<Catalog.AnotherLanguage> another = catalog.anotherLanguage().filter(a -> a.key().equals(digits));
        if (another.isPresent()) {
            start.report(CallEvent.languageChosen(CallEvent.OTHER_LANGUAGE, "key"));
            return interpreter(start);
        }
        if (chosen.isEmpty()) {
            start.report(digits.isEmpty() ? CallEvent.noInput("", CallEvent.LANGUAGE_MENU) : CallEvent.invalidInput("", CallEvent.LANGUAGE_MENU));
            if (step.tries() + 1 < LANGUAGE_MENU_PLAYS) {
                return languageMenu(catalog, step.tries() + 1);
            }
            start.report(CallEvent.languageChosen(CallEvent.OTHER_LANGUAGE, "none"));
            return interpreter(start);
        }
        Language language = chosen.get();
        start.report(CallEvent.languageChosen(language.code(), "key"));
        Turn turn = start.in(language);
        return menus.render(turn, MenuStep.of(language.code(), Menu.MAIN), turn.say(PromptKey.MAIN_SAFETY));
    }

    /**
     * For a caller who asked for another language, or chose none: a short notice in every language offered, then
     * the 24-hour line with interpreters.
     */
    private VoiceResponse interpreter(Turn start) {
        Catalog catalog = start.catalog();
        Speech notice = start.speech();
        catalog.languages().forEach(language -> notice.say(language, PromptKey.LANGUAGE_INTERPRETER));
        ResourceLine line = catalog.anotherLanguage().flatMap(a -> catalog.line(a.lineId())).orElse(catalog.hotline());
        return transfers.connectQuietly(start.in(catalog.defaultLanguageEntry()), line, notice, CallEvent.LANGUAGE_MENU,
                CallEvent.OTHER_LANGUAGE);
    }

    /** The key pressed; or, for words said in the main menu, the key of the option they name. */
    private static String choice(Turn turn, MenuStep step) {
        String digits = turn.input().digits().trim();
        if (digits.isEmpty() && step.menu() == Menu.MAIN && turn.input().speech().isPresent()) {
            return Listening.mainMenuKey(turn.catalog(), turn.language(), turn.input().speech().get()).orElse(UNRECOGNIZED);
        }
        return digits;
    }

    private VoiceResponse chooseInMenu(Turn turn, MenuStep step, String digits) {
        String language = step.language();
        String menu = step.menu().urlName();
        switch (digits) {
            case "":
                turn.report(CallEvent.noInput(language, menu));
                return retry(turn, step, PromptKey.INPUT_NO_INPUT);
            case Menus.REPEAT:
                turn.report(CallEvent.optionChosen(language, menu, "repeat"));
                return menus.render(turn, step, replayed(turn, step));
            case Menus.MAIN_MENU:
                turn.report(CallEvent.optionChosen(language, menu, "main_menu"));
                return menus.render(turn, MenuStep.of(language, Menu.MAIN), turn.speech());
            case Menus.SPEAK_NOW:
                turn.report(CallEvent.optionChosen(language, menu, "speak_now"));
                return transfers.connect(turn, turn.catalog().speakNowLine(turn.now()), turn.speech(), menu);
            default:
                break;
        }
        Optional<MenuOption> option = Menus.options(turn.catalog(), step, turn.now()).stream()
                .filter(o -> o.key().equals(digits)).findFirst();
        if (option.isEmpty()) {
            turn.report(CallEvent.invalidInput(language, menu));
            return retry(turn, step, PromptKey.INPUT_INVALID);
        }
        turn.report(CallEvent.optionChosen(language, menu, option.get().metricName()));
        MenuOption.Choice choice = option.get().choice();
        if (choice instanceof PlayTopic play) {
            return menus.render(turn, step.afterTopic(play.topic()), turn.speech().topic(turn.language(), play.topic().segments()));
        }
        if (choice instanceof OpenMenu open) {
            return menus.render(turn, MenuStep.of(language, open.menu()).onPage(open.page()), turn.speech());
        }
        if (choice instanceof SpeakNow) {
            return transfers.connect(turn, turn.catalog().speakNowLine(turn.now()), turn.speech(), menu);
        }
        String lineId = choice instanceof ChooseLine chosen ? chosen.lineId() : ((Transfer) choice).lineId();
        ResourceLine line = turn.catalog().line(lineId).orElse(turn.catalog().hotline());
        if (choice instanceof ChooseLine && !turn.catalog().isOpen(line, turn.now())) {
            MenuStep closed = new MenuStep(language, Menu.CLOSED, 0, Optional.empty(), Optional.of(line.id()), 0);
            return menus.render(turn, closed, turn.speech());
        }
        return transfers.connect(turn, line, turn.speech(), menu);
    }

    private VoiceResponse retry(Turn turn, MenuStep step, PromptKey notice) {
        MenuStep next = step.retried();
        if (next.tries() >= MENU_TRIES) {
            return transfers.connect(turn, turn.catalog().hotline(), turn.say(PromptKey.TRANSFER_TOO_MANY_TRIES),
                    step.menu().urlName());
        }
        return menus.render(turn, next, turn.say(notice));
    }

    /** "Repeat": the topic just heard and its menu, or the main menu with its opening safety sentence. */
    private static Speech replayed(Turn turn, MenuStep step) {
        if (step.topic().isPresent()) {
            return turn.speech().topic(turn.language(), step.topic().get().segments());
        }
        return step.menu() == Menu.MAIN ? turn.say(PromptKey.MAIN_SAFETY) : turn.speech();
    }

    /** A step URL may come from an older catalog: keep the page in range and a closed line that still exists. */
    private static MenuStep normalized(Turn turn, MenuStep step) {
        String language = turn.language().code();
        Menu menu = step.menu();
        if (menu == Menu.CLOSED && Menus.options(turn.catalog(), step, turn.now()).isEmpty()) {
            return MenuStep.of(language, Menu.LINES);
        }
        int page = menu == Menu.LINES ? Math.min(step.page(), Menus.pageCount(turn.catalog()) - 1) : 0;
        return new MenuStep(language, menu, page, step.topic(), menu == Menu.CLOSED ? step.line() : Optional.empty(),
                Math.min(step.tries(), MENU_TRIES));
    }

    private Turn turn(Catalog catalog, String languageCode, CallInput input, Instant now) {
        return new Turn(catalog, catalog.language(languageCode).orElse(catalog.defaultLanguageEntry()), input, now, urls);
    }
}
