package hotline.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Redirect;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptKey;
import hotline.catalog.Prompts;
import hotline.catalog.ResourceLine;
import hotline.voice.CallStep.LanguageMenu;
import hotline.voice.CallStep.MenuStep;
import hotline.voice.CallStep.TransferResult;
import hotline.voice.MenuOption.ChooseLine;
import hotline.voice.MenuOption.OpenMenu;
import hotline.voice.MenuOption.PlayTopic;
import hotline.voice.MenuOption.SpeakNow;
import hotline.voice.MenuOption.Transfer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole call as a pure function: (catalog, step, caller input, time) to the TwiML Twilio speaks next.
 * No HTTP, no database, no clock of its own, so every path of a call can be tested directly.
 */
public final class CallFlow {
    /** The language menu is heard at most this many times before the call goes on in the default language. */
    static final int LANGUAGE_MENU_PLAYS = 3;
    /** A menu gets this many tries without a valid choice; then the caller is transferred to the 24-hour line. */
    static final int MENU_TRIES = 3;
    static final int GATHER_TIMEOUT_SECONDS = 6;

    private final StepUrls urls;

    public CallFlow(StepUrls urls) {
        this.urls = urls;
    }

    /** A call comes in: the language menu, each option in its own language and voice. */
    public VoiceResponse incoming(Catalog catalog) {
        return languageMenu(catalog, 0);
    }

    public VoiceResponse respond(Catalog catalog, CallStep step, CallInput input, Instant now) {
        if (step instanceof LanguageMenu s) {
            return chooseLanguage(catalog, s, input, now);
        }
        if (step instanceof MenuStep s) {
            Turn turn = new Turn(catalog, catalog.language(s.language()).orElse(catalog.defaultLanguageEntry()), input, now);
            return chooseInMenu(turn, normalized(turn, s), input.digits().trim());
        }
        TransferResult s = (TransferResult) step;
        Turn turn = new Turn(catalog, catalog.language(s.language()).orElse(catalog.defaultLanguageEntry()), input, now);
        return transferOutcome(turn, s);
    }

    /**
     * The answer to anything unexpected mid-call: an apology and a transfer to the 24-hour hotline, with its
     * number said twice before and after, so the caller is never left in silence or hung up on.
     */
    public VoiceResponse safetyNet(Catalog catalog, String languageCode, Optional<String> hotlineNumber) {
        Language language = catalog.language(languageCode).orElse(catalog.defaultLanguageEntry());
        Prompts prompts = catalog.prompts(language);
        ResourceLine hotline = catalog.hotline();
        Speech before = new Speech().say(language, prompts.text(PromptKey.ERROR_APOLOGY))
                .say(language, lineText(prompts, PromptKey.TRANSFER_CONNECTING, hotline, language));
        Speech after = new Speech().say(language, lineText(prompts, PromptKey.TRANSFER_CALL_LATER, hotline, language));
        Dial.Builder dial = new Dial.Builder().number(new Number.Builder(hotline.number().e164()).build())
                .timeout(catalog.dialTimeoutSeconds()).answerOnBridge(true);
        hotlineNumber.ifPresent(dial::callerId);
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        before.addTo(response);
        response.dial(dial.build());
        after.addTo(response);
        return response.hangup(new Hangup.Builder().build()).build();
    }

    private VoiceResponse languageMenu(Catalog catalog, int tries) {
        Language fallback = catalog.defaultLanguageEntry();
        Speech speech = new Speech().say(fallback, catalog.prompts(fallback).text(PromptKey.LANGUAGE_WELCOME));
        for (Language language : catalog.languages()) {
            speech.say(language, catalog.prompts(language).render(PromptKey.LANGUAGE_OPTION, Map.of("key", language.key())));
        }
        return gather(urls.of(new LanguageMenu(tries)), speech);
    }

    private VoiceResponse chooseLanguage(Catalog catalog, LanguageMenu step, CallInput input, Instant now) {
        Optional<Language> chosen = catalog.languages().stream()
                .filter(language -> language.key().equals(input.digits().trim())).findFirst();
        if (chosen.isEmpty() && step.tries() + 1 < LANGUAGE_MENU_PLAYS) {
            return languageMenu(catalog, step.tries() + 1);
        }
        Language language = chosen.orElse(catalog.defaultLanguageEntry());
        Turn turn = new Turn(catalog, language, input, now);
        MenuStep main = MenuStep.of(language.code(), Menu.MAIN);
        return menu(turn, main, new Speech().say(language, turn.prompts().text(PromptKey.MAIN_SAFETY)));
    }

    private VoiceResponse chooseInMenu(Turn turn, MenuStep step, String digits) {
        if (digits.isEmpty()) {
            return retry(turn, step, PromptKey.INPUT_NO_INPUT);
        }
        switch (digits) {
            case Menus.REPEAT:
                return menu(turn, step, replayed(turn, step));
            case Menus.MAIN_MENU:
                return menu(turn, MenuStep.of(step.language(), Menu.MAIN), new Speech());
            case Menus.SPEAK_NOW:
                return transfer(turn, turn.catalog().speakNowLine(turn.now()), new Speech());
            default:
                break;
        }
        Optional<MenuOption> option = Menus.options(turn.catalog(), step, turn.now()).stream()
                .filter(o -> o.key().equals(digits)).findFirst();
        if (option.isEmpty()) {
            return retry(turn, step, PromptKey.INPUT_INVALID);
        }
        MenuOption.Choice choice = option.get().choice();
        if (choice instanceof PlayTopic play) {
            return menu(turn, step.afterTopic(play.topic()), topic(turn, play.topic()));
        }
        if (choice instanceof OpenMenu open) {
            return menu(turn, MenuStep.of(step.language(), open.menu()).onPage(open.page()), new Speech());
        }
        if (choice instanceof SpeakNow) {
            return transfer(turn, turn.catalog().speakNowLine(turn.now()), new Speech());
        }
        String lineId = choice instanceof ChooseLine chosen ? chosen.lineId() : ((Transfer) choice).lineId();
        ResourceLine line = turn.catalog().line(lineId).orElse(turn.catalog().hotline());
        if (choice instanceof ChooseLine && !turn.catalog().isOpen(line, turn.now())) {
            MenuStep closed = new MenuStep(step.language(), Menu.CLOSED, 0, Optional.empty(), Optional.of(line.id()), 0);
            return menu(turn, closed, new Speech());
        }
        return transfer(turn, line, new Speech());
    }

    private VoiceResponse retry(Turn turn, MenuStep step, PromptKey notice) {
        MenuStep next = step.retried();
        if (next.tries() >= MENU_TRIES) {
            Speech speech = new Speech().say(turn.language(), turn.prompts().text(PromptKey.TRANSFER_TOO_MANY_TRIES));
            return transfer(turn, turn.catalog().hotline(), speech);
        }
        return menu(turn, next, new Speech().say(turn.language(), turn.prompts().text(notice)));
    }

    /** "Repeat": the topic just heard and its menu, or the main menu with its opening safety sentence. */
    private Speech replayed(Turn turn, MenuStep step) {
        if (step.topic().isPresent()) {
            return topic(turn, step.topic().get());
        }
        Speech speech = new Speech();
        if (step.menu() == Menu.MAIN) {
            speech.say(turn.language(), turn.prompts().text(PromptKey.MAIN_SAFETY));
        }
        return speech;
    }

    private Speech topic(Turn turn, Topic topic) {
        Speech speech = new Speech();
        for (String segment : turn.prompts().segments(topic.segments())) {
            speech.say(turn.language(), segment).pause();
        }
        return speech;
    }

    /** A menu: what came before it ({@code speech}), its heading, its options, and the shared keys in the main menu. */
    private VoiceResponse menu(Turn turn, MenuStep step, Speech speech) {
        Prompts prompts = turn.prompts();
        Language language = turn.language();
        if (step.menu() == Menu.LINES && step.page() == 0) {
            speech.say(language, prompts.text(PromptKey.LINES_INTRO));
        }
        if (step.menu() == Menu.CLOSED) {
            ResourceLine closed = step.line().flatMap(turn.catalog()::line).orElseThrow();
            speech.say(language, lineText(prompts, PromptKey.CLOSED_ANNOUNCEMENT, closed, language));
        }
        for (MenuOption option : Menus.options(turn.catalog(), step, turn.now())) {
            Map<String, String> values = new HashMap<>(option.values());
            values.put("key", option.key());
            speech.say(language, prompts.render(option.prompt(), values));
        }
        if (step.menu() == Menu.MAIN) {
            speech.say(language, prompts.text(PromptKey.MAIN_KEYS));
        }
        return gather(urls.of(step), speech);
    }

    private VoiceResponse transfer(Turn turn, ResourceLine line, Speech speech) {
        Language language = turn.language();
        line.note(language.code()).ifPresent(note -> speech.say(language, note));
        speech.say(language, lineText(turn.prompts(), PromptKey.TRANSFER_CONNECTING, line, language));
        Dial.Builder dial = new Dial.Builder()
                .number(new Number.Builder(line.number().e164()).build())
                .action(urls.of(new TransferResult(language.code(), line.id())))
                .method(HttpMethod.POST)
                .timeout(turn.catalog().dialTimeoutSeconds())
                .answerOnBridge(true);
        turn.input().hotlineNumber().ifPresent(dial::callerId);
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        speech.addTo(response);
        return response.dial(dial.build()).build();
    }

    /** Twilio reports how a transfer ended: say goodbye, or fail over along the line's chain, or offer the menu. */
    private VoiceResponse transferOutcome(Turn turn, TransferResult step) {
        Language language = turn.language();
        Prompts prompts = turn.prompts();
        String status = turn.input().dialCallStatus().orElse("failed");
        if (status.equals("completed")) {
            VoiceResponse.Builder response = new VoiceResponse.Builder();
            new Speech().say(language, prompts.text(PromptKey.TRANSFER_GOODBYE)).addTo(response);
            return response.hangup(new Hangup.Builder().build()).build();
        }
        PromptKey reason = switch (status) {
            case "busy" -> PromptKey.TRANSFER_BUSY;
            case "no-answer" -> PromptKey.TRANSFER_NO_ANSWER;
            default -> PromptKey.TRANSFER_FAILED;
        };
        Speech speech = new Speech().say(language, prompts.text(reason));
        ResourceLine tried = turn.catalog().line(step.line()).orElse(turn.catalog().hotline());
        Optional<ResourceLine> next = turn.catalog().firstOpenInChain(tried.failover(), turn.now());
        if (next.isPresent()) {
            return transfer(turn, next.get(), speech);
        }
        ResourceLine hotline = turn.catalog().hotline();
        speech.say(language, prompts.text(PromptKey.TRANSFER_UNREACHABLE))
                .say(language, lineText(prompts, PromptKey.TRANSFER_CALL_LATER, hotline, language));
        return menu(turn, MenuStep.of(language.code(), Menu.MAIN), speech);
    }

    /** A step URL may come from an older catalog: keep the page in range and a closed line that still exists. */
    private MenuStep normalized(Turn turn, MenuStep step) {
        String language = turn.language().code();
        Menu menu = step.menu();
        boolean closedLineGone = menu == Menu.CLOSED
                && Menus.options(turn.catalog(), step, turn.now()).isEmpty();
        if (closedLineGone) {
            return MenuStep.of(language, Menu.LINES);
        }
        int page = menu == Menu.LINES ? Math.min(step.page(), Menus.pageCount(turn.catalog()) - 1) : 0;
        return new MenuStep(language, menu, page, step.topic(), menu == Menu.CLOSED ? step.line() : Optional.empty(),
                Math.min(step.tries(), MENU_TRIES));
    }

    private static String lineText(Prompts prompts, PromptKey key, ResourceLine line, Language language) {
        return prompts.render(key, Map.of("name", line.name(language.code()), "number", line.number().spokenDigits()));
    }

    private static VoiceResponse gather(String action, Speech speech) {
        Gather.Builder gather = new Gather.Builder()
                .inputs(List.of(Gather.Input.DTMF))
                .numDigits(1)
                .finishOnKey("")
                .timeout(GATHER_TIMEOUT_SECONDS)
                .actionOnEmptyResult(true)
                .action(action)
                .method(HttpMethod.POST);
        speech.addTo(gather);
        // Twilio posts to the action even when nothing is pressed; the redirect covers any case where it does not.
        return new VoiceResponse.Builder()
                .gather(gather.build())
                .redirect(new Redirect.Builder(action).method(HttpMethod.POST).build())
                .build();
    }

    /** What every step needs: the catalog, the caller's language and its prompts, their input, and the time. */
    private record Turn(Catalog catalog, Language language, CallInput input, Instant now) {
        Prompts prompts() {
            return catalog.prompts(language);
        }
    }
}
