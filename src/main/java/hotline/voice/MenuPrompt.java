package hotline.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Redirect;

import hotline.catalog.Language;
import hotline.catalog.PromptKey;
import hotline.catalog.ResourceLine;
import hotline.voice.CallStep.MenuStep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Speaks a menu and waits for one key: what came before it, its heading, its options, and the shared keys. */
final class MenuPrompt {
    static final int GATHER_TIMEOUT_SECONDS = 6;

    private final StepUrls urls;

    MenuPrompt(StepUrls urls) {
        this.urls = urls;
    }

    VoiceResponse render(Turn turn, MenuStep step, Speech before) {
        Language language = turn.language();
        if (step.menu() == Menu.LINES && step.page() == 0) {
            before.say(language, turn.text(PromptKey.LINES_INTRO));
        }
        if (step.menu() == Menu.CLOSED) {
            ResourceLine closed = step.line().flatMap(turn.catalog()::line).orElseThrow();
            before.say(language, turn.aboutLine(PromptKey.CLOSED_ANNOUNCEMENT, closed));
        }
        for (MenuOption option : Menus.options(turn.catalog(), step, turn.now())) {
            Map<String, String> values = new HashMap<>(option.values());
            values.put("key", option.key());
            before.say(language, turn.prompts().render(option.prompt(), values));
        }
        if (step.menu() == Menu.MAIN) {
            before.say(language, turn.text(PromptKey.MAIN_KEYS));
        }
        return gather(urls.of(step), before);
    }

    /** Waits for one key while {@code speech} plays; any key interrupts it. */
    static VoiceResponse gather(String action, Speech speech) {
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
}
