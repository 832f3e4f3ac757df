package hotline.admin;

import hotline.content.ContentStore;
import hotline.accounts.SignedIn;
import hotline.catalog.Catalog;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogValidator;
import hotline.catalog.Language;
import hotline.metrics.CallEvent;
import hotline.metrics.EventKind;
import hotline.voice.TwimlParser;
import hotline.voice.CallFlow;
import hotline.voice.CallInput;
import hotline.voice.CallStep;
import hotline.voice.Reply;
import hotline.voice.StepUrls;
import hotline.web.Dates;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import org.w3c.dom.Element;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the draft's call in the browser, with the real call flow: what each step would say and where every key
 * leads, before anything is published. Nothing is dialed and no event is recorded.
 */
public final class PreviewController {
    private static final String KEYS = "123456789*0#";

    private final ContentStore store;
    private final CallFlow flow;
    private final StepUrls urls;
    private final Clock clock;

    public PreviewController(ContentStore store, StepUrls urls, Clock clock) {
        this.store = store;
        this.flow = new CallFlow(urls);
        this.urls = urls;
        this.clock = clock;
    }

    public void show(Context ctx) {
        CatalogCheck check = CatalogValidator.check(store.draft().content());
        if (check.catalog().isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            Pages.render(ctx, "admin/preview.jte", new PreviewPage(SignedIn.frame(ctx, "Preview", "preview"), List.of(), "",
                    List.of(), "The draft cannot be previewed until these problems are fixed.", List.of(),
                    ProblemView.of(check.errors(), store.draft().content()), ""));
            return;
        }
        Catalog draft = check.catalog().get();
        LocalDateTime at = at(ctx.queryParam("at"), draft);
        Instant now = at.atZone(draft.timeZone()).toInstant();
        String atParam = at.truncatedTo(ChronoUnit.MINUTES).toString();

        Optional<CallStep> step = urls.parseUrl(ctx.queryParam("url"));
        Reply reply;
        if (step.isPresent()) {
            reply = flow.respond(draft, step.get(), input(ctx), now);
        } else if (ctx.queryParam("lang") != null && draft.language(ctx.queryParam("lang")).isPresent()) {
            reply = flow.respond(draft, new CallStep.LanguageMenu(0),
                    CallInput.pressed(draft.language(ctx.queryParam("lang")).get().key()), now);
        } else {
            reply = flow.incoming(draft);
        }
        Element response = TwimlParser.parse(reply.twiml().toXml()).getDocumentElement();
        List<PreviewPage.Spoken> spoken = new ArrayList<>();
        List<PreviewPage.Choice> choices = new ArrayList<>();
        String next = describe(response, spoken, choices, draft, now, atParam);
        Pages.render(ctx, "admin/preview.jte", new PreviewPage(SignedIn.frame(ctx, "Preview", "preview"),
                draft.languages().stream().map(l -> new PreviewPage.LanguageChoice(l.code(), l.name())).toList(), atParam,
                spoken, next, choices, List.of(), Dates.zoneName(draft.timeZone())));
    }

    /** Reads what the TwiML says and what it waits for; returns a sentence about what comes next. */
    private String describe(Element response, List<PreviewPage.Spoken> spoken, List<PreviewPage.Choice> choices,
                            Catalog draft, Instant now, String at) {
        for (Element verb : TwimlParser.children(response)) {
            switch (verb.getTagName()) {
                case "Say", "Pause" -> spoken.add(spoken(verb, draft));
                case "Gather" -> {
                    TwimlParser.children(verb).forEach(child -> spoken.add(spoken(child, draft)));
                    String action = verb.getAttribute("action");
                    CallStep step = urls.parseUrl(action).orElseThrow();
                    for (char key : KEYS.toCharArray()) {
                        Reply after = flow.respond(draft, step, CallInput.pressed(String.valueOf(key)), now);
                        if (after.events().stream().noneMatch(e -> e.kind() == EventKind.INVALID_INPUT)) {
                            choices.add(new PreviewPage.Choice("Press " + key, summary(after, draft), link(action, "digits", String.valueOf(key), at)));
                        }
                    }
                    choices.add(new PreviewPage.Choice("Press nothing", summary(flow.respond(draft, step, CallInput.none(), now), draft),
                            link(action, "digits", "", at)));
                    return "The caller chooses:";
                }
                case "Dial" -> {
                    String number = TwimlParser.children(verb).stream().findFirst().map(Element::getTextContent).orElse("").strip();
                    String name = lineName(draft, number);
                    if (!verb.hasAttribute("action")) {
                        return "Connects the caller to " + name + " (" + ContentDiff.phone(number) + "); if that call ends, the instructions go on.";
                    }
                    String action = verb.getAttribute("action");
                    for (String outcome : List.of("completed", "busy", "no-answer", "failed")) {
                        Reply after = flow.respond(draft, urls.parseUrl(action).orElseThrow(), CallInput.dialed(outcome, 60), now);
                        choices.add(new PreviewPage.Choice(outcome.equals("completed") ? "Answered" : "If " + outcome,
                                summary(after, draft), link(action, "dial", outcome, at)));
                    }
                    return "Connects the caller to " + name + " (" + ContentDiff.phone(number) + "). Then:";
                }
                case "Hangup" -> {
                    return "The call ends.";
                }
                case "Redirect" -> {
                    return "Goes on to the next step.";
                }
                default -> {
                    return "(" + verb.getTagName() + ")";
                }
            }
        }
        return "The call ends.";
    }

    /** Where an answer leads, in a few words: a transfer, or the first thing it says. */
    private String summary(Reply reply, Catalog draft) {
        for (CallEvent event : reply.events()) {
            if (event.kind() == EventKind.TRANSFER_ATTEMPTED) {
                return "transfers to " + draft.line(event.line()).map(l -> l.name(draft.defaultLanguage())).orElse(event.line());
            }
        }
        Element response = TwimlParser.parse(reply.twiml().toXml()).getDocumentElement();
        String first = response.getElementsByTagName("Say").getLength() > 0
                ? response.getElementsByTagName("Say").item(0).getTextContent() : "";
        return first.length() > 90 ? first.substring(0, 90) + "…" : first;
    }

    private static String lineName(Catalog draft, String number) {
        return draft.lines().stream().filter(l -> l.number().e164().equals(number)).findFirst()
                .map(l -> l.name(draft.defaultLanguage())).orElse("a number");
    }

    /** A text as spoken, with the language it is in by name (found by its voice) and the voice. */
    private static PreviewPage.Spoken spoken(Element verb, Catalog draft) {
        if (!verb.getTagName().equals("Say")) {
            return new PreviewPage.Spoken("", "", "", "");
        }
        String voice = verb.getAttribute("voice");
        String twilioLanguage = verb.getAttribute("language");
        Optional<Language> language = draft.languages().stream().filter(l -> l.voice().filter(voice::equals).isPresent()
                && l.twilioLanguage().filter(twilioLanguage::equals).isPresent()).findFirst();
        return new PreviewPage.Spoken(twilioLanguage, language.map(Language::name).orElse(twilioLanguage),
                voice, verb.getTextContent());
    }

    private static CallInput input(Context ctx) {
        String dial = ctx.queryParam("dial");
        if (dial != null) {
            return CallInput.dialed(dial, 60);
        }
        return CallInput.pressed(Optional.ofNullable(ctx.queryParam("digits")).orElse(""));
    }

    private static String link(String action, String name, String value, String at) {
        return AdminRoutes.PREVIEW + "?url=" + encode(action) + "&" + name + "=" + encode(value) + "&at=" + encode(at);
    }

    private LocalDateTime at(String text, Catalog draft) {
        if (text != null && !text.isBlank()) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                // fall back to now
            }
        }
        return LocalDateTime.ofInstant(clock.instant(), draft.timeZone());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
