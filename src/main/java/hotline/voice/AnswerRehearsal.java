package hotline.voice;

import com.twilio.twiml.VoiceResponse;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.voice.CallStep.LanguageMenu;
import hotline.voice.CallStep.MenuStep;
import hotline.voice.CallStep.TransferResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every answer some content can give, built and read back as Twilio reads it, before any caller can hear it: the
 * language menu and every menu after it with every key and with none, each topic, each transfer and each way it can
 * end, each closed line, the notice lines hear when they answer, and the safety net, at the times given (so that
 * lines are seen both open and closed). Publish refuses content with an answer Twilio could not follow.
 */
public final class AnswerRehearsal {
    private static final List<String> KEYS = List.of("", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#");
    private static final List<String> DIAL_OUTCOMES = List.of("completed", "busy", "no-answer", "failed");
    /** Far more steps than any real content has; a bound in case content ever made the steps endless. */
    private static final int MAX_STEPS = 20_000;

    private final CallFlow flow;
    private final StepUrls urls;

    public AnswerRehearsal(StepUrls urls) {
        this.flow = new CallFlow(urls);
        this.urls = urls;
    }

    /** What the rehearsal found: how many answers it read, and each one Twilio could not follow. */
    public record Result(int answers, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result rehearse(Catalog catalog, List<Instant> times) {
        Set<String> problems = new LinkedHashSet<>();
        int answers = 0;
        for (Instant now : times) {
            Set<String> seen = new HashSet<>();
            Deque<String> next = new ArrayDeque<>();
            answers += read("the language menu", () -> flow.incoming(catalog).twiml(), seen, next, problems);
            while (!next.isEmpty() && seen.size() < MAX_STEPS) {
                String url = next.poll();
                Optional<CallStep> step = urls.parseUrl(url);
                if (step.isEmpty()) {
                    continue;
                }
                for (CallInput input : inputs(step.get())) {
                    answers += read(describe(catalog, step.get(), input), () -> flow.respond(catalog, step.get(), input, now).twiml(),
                            seen, next, problems);
                }
            }
        }
        for (Language language : catalog.languages()) {
            answers += read(language.name() + ", the safety net",
                    () -> flow.safetyNet(catalog, language.code(), Optional.empty()), new HashSet<>(), new ArrayDeque<>(), problems);
            answers += read("what a line hears when it answers a caller who chose " + language.name(),
                    () -> flow.whisper(catalog, language.code()), new HashSet<>(), new ArrayDeque<>(), problems);
        }
        return new Result(answers, List.copyOf(problems));
    }

    private static List<CallInput> inputs(CallStep step) {
        List<CallInput> inputs = new ArrayList<>();
        if (step instanceof TransferResult) {
            DIAL_OUTCOMES.forEach(status -> inputs.add(CallInput.dialed(status, 30)));
        } else {
            KEYS.forEach(key -> inputs.add(CallInput.pressed(key)));
        }
        return inputs;
    }

    /** Builds one answer and reads it; the steps it leads to join the queue. Returns 1, the answers read. */
    private static int read(String what, Supplier<VoiceResponse> answer, Set<String> seen, Deque<String> next,
                            Set<String> problems) {
        try {
            Document twiml = TwimlParser.parse(answer.get().toXml());
            for (String url : leadsTo(twiml)) {
                if (seen.add(url)) {
                    next.add(url);
                }
            }
        } catch (RuntimeException e) {
            problems.add(what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return 1;
    }

    /** Every URL of ours that Twilio would request next: actions, redirects, and what a line hears on answering. */
    private static List<String> leadsTo(Document twiml) {
        List<String> urls = new ArrayList<>();
        attributes(twiml, "Gather", "action", urls);
        attributes(twiml, "Dial", "action", urls);
        attributes(twiml, "Number", "url", urls);
        NodeList redirects = twiml.getElementsByTagName("Redirect");
        for (int i = 0; i < redirects.getLength(); i++) {
            urls.add(redirects.item(i).getTextContent().strip());
        }
        return urls;
    }

    private static void attributes(Document twiml, String tag, String attribute, List<String> into) {
        NodeList elements = twiml.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            String value = ((Element) elements.item(i)).getAttribute(attribute);
            if (!value.isEmpty()) {
                into.add(value);
            }
        }
    }

    /** A step as an admin would name it: "Spanish, the lines menu (page 2), key 3". */
    private static String describe(Catalog catalog, CallStep step, CallInput input) {
        String key = input.dialCallStatus().map(status -> "the transfer ended " + status)
                .orElse(input.digits().isEmpty() ? "no key" : "key " + input.digits());
        if (step instanceof LanguageMenu) {
            return "the language menu, " + key;
        }
        if (step instanceof MenuStep menu) {
            return name(catalog, menu.language()) + ", the " + menu.menu().urlName() + " menu"
                    + (menu.page() > 0 ? " (page " + (menu.page() + 1) + ")" : "")
                    + menu.line().map(line -> " of " + line).orElse("") + ", " + key;
        }
        TransferResult transfer = (TransferResult) step;
        return name(catalog, transfer.language()) + ", a transfer to " + transfer.line() + ", " + key;
    }

    private static String name(Catalog catalog, String code) {
        return catalog.language(code).map(Language::name).orElse(code);
    }
}
