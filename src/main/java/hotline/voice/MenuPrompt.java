package hotline.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Redirect;

import hotline.catalog.Language;
import hotline.catalog.PromptKey;
import hotline.catalog.ResourceLine;
import hotline.voice.CallStep.MenuStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            before.say(language, PromptKey.LINES_INTRO);
        }
        if (step.menu() == Menu.CLOSED) {
            ResourceLine closed = step.line().flatMap(turn.catalog()::line).orElseThrow();
            before.say(language, PromptKey.CLOSED_ANNOUNCEMENT, Speech.Fill.line(closed));
        }
        boolean lawEnforcementAnnounced = false;
        for (MenuOption option : Menus.options(turn.catalog(), step, turn.now())) {
            // Before the first line that is, or reports to, law enforcement: a caller chooses with open eyes.
            boolean lawEnforcement = step.menu() == Menu.LINES
                    && option.line().map(line -> line.kind().reachesLawEnforcement()).orElse(false);
            if (lawEnforcement && !lawEnforcementAnnounced) {
                before.say(language, PromptKey.LINES_LAW_ENFORCEMENT);
            }
            lawEnforcementAnnounced = lawEnforcement;
            before.say(language, option.prompt(), new Speech.Fill(option.key(), option.line().orElse(null)));
        }
        if (step.menu() == Menu.MAIN) {
            before.say(language, PromptKey.MAIN_KEYS);
        }
        Optional<Listening> listening = step.menu() == Menu.MAIN ? Listening.forMainMenu(turn) : Optional.empty();
        return gather(urls.of(step), before, listening);
    }

    /** Waits for one key while {@code speech} plays; any key interrupts it. With {@code listening}, also for words. */
    static VoiceResponse gather(String action, Speech speech, Optional<Listening> listening) {
        Gather.Builder gather = new Gather.Builder()
                .numDigits(1)
                .finishOnKey("")
                .timeout(GATHER_TIMEOUT_SECONDS)
                .actionOnEmptyResult(true)
                .action(action)
                .method(HttpMethod.POST);
        if (listening.isPresent()) {
            List<Gather.Input> inputs = new ArrayList<>(List.of(Gather.Input.DTMF, Gather.Input.SPEECH));
            gather.inputs(inputs).option("language", listening.get().language()).speechTimeout("auto");
            if (!listening.get().hints().isEmpty()) {
                gather.hints(String.join(", ", listening.get().hints()));
            }
        } else {
            gather.inputs(List.of(Gather.Input.DTMF));
        }
        speech.addTo(gather);
        // Twilio posts to the action even when nothing is pressed; the redirect covers any case where it does not.
        return new VoiceResponse.Builder()
                .gather(gather.build())
                .redirect(new Redirect.Builder(action).method(HttpMethod.POST).build())
                .build();
    }
}
