package hotline.simulator;

import hotline.simulator.Caller.TransferOutcome;
import hotline.voice.TwimlParser;
import hotline.voice.VoiceRoutes;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plays one call against a running hotline the way Twilio would: signs each webhook, speaks (prints) the TwiML,
 * asks the {@link Caller} for key presses and transfer outcomes, and follows action and redirect URLs.
 * URLs in the TwiML are public ({@code HOTLINE_PUBLIC_URL}); requests go to {@code serverBase}, signed for the
 * public URL, exactly as when a proxy stands between Twilio and the hotline.
 */
public final class SimulatedCall {
    static final int MAX_WEBHOOKS_PER_CALL = 200;

    private final HttpClient http;
    private final String publicBase;
    private final String serverBase;
    private final String authToken;
    private final Map<String, String> callParams;
    private final Consumer<String> out;
    private final CallRecord.Builder record = new CallRecord.Builder();

    /**
     * @param callParams what Twilio sends with every webhook of this call (see {@link #twilioParams})
     * @param out        where each line of the transcript goes as it happens
     */
    public SimulatedCall(HttpClient http, String publicBase, String serverBase, String authToken,
                         Map<String, String> callParams, Consumer<String> out) {
        this.http = http;
        this.publicBase = publicBase.replaceAll("/+$", "");
        this.serverBase = serverBase.replaceAll("/+$", "");
        this.authToken = authToken;
        this.callParams = Map.copyOf(callParams);
        this.out = line -> {
            record.transcript(line);
            out.accept(line);
        };
    }

    /** The parameters Twilio sends with every voice webhook, including those that identify the caller. */
    public static Map<String, String> twilioParams(String callSid, String callerNumber, String hotlineNumber) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("From", callerNumber);
        params.put("Caller", callerNumber);
        params.put("To", hotlineNumber);
        params.put("Called", hotlineNumber);
        params.put("CallStatus", "in-progress");
        params.put("Direction", "inbound");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    public CallRecord run(Caller caller) throws IOException, InterruptedException {
        Optional<Webhook> next = Optional.of(new Webhook(publicBase + VoiceRoutes.INCOMING, Map.of()));
        int webhooks = 0;
        while (next.isPresent()) {
            if (++webhooks > MAX_WEBHOOKS_PER_CALL) {
                throw new SimulationException("more than " + MAX_WEBHOOKS_PER_CALL + " webhooks in one call; the hotline is looping");
            }
            Document twiml = post(next.get());
            next = perform(twiml, next.get().url(), caller);
        }
        post(new Webhook(publicBase + VoiceRoutes.STATUS, Map.of("CallStatus", "completed",
                "CallDuration", Integer.toString(30 * webhooks))));
        return record.build();
    }

    /** Twilio only listens for words when the Gather asks for speech; then it reports what it heard. */
    private Webhook say(Element gather, String action, String words) {
        if (!gather.getAttribute("input").contains("speech")) {
            throw new SimulationException("the caller says \"" + words + "\" but this menu only listens for keys"
                    + " (<Gather input=\"" + gather.getAttribute("input") + "\">)");
        }
        String language = gather.getAttribute("language");
        out.accept("> caller says \"" + words + "\" (heard as " + (language.isEmpty() ? "en-US, Twilio's default" : language) + ")");
        return new Webhook(action, Map.of("SpeechResult", words, "Confidence", "0.9"));
    }

    private Optional<Webhook> perform(Document twiml, String currentUrl, Caller caller)
            throws IOException, InterruptedException {
        Element response = twiml.getDocumentElement();
        for (Element verb : TwimlParser.children(response)) {
            switch (verb.getTagName()) {
                case "Say", "Pause", "Play" -> speak(verb);
                case "Gather" -> {
                    TwimlParser.children(verb).forEach(this::speak);
                    Optional<MenuAnswer> answer = caller.respondToMenu();
                    if (answer.isEmpty()) {
                        return hangUp();
                    }
                    String action = verb.hasAttribute("action") ? verb.getAttribute("action") : currentUrl;
                    if (answer.get().isSpeech()) {
                        return Optional.of(say(verb, action, answer.get().words()));
                    }
                    if (!answer.get().isNothing()) {
                        out.accept("> caller presses " + answer.get().keys());
                        return Optional.of(new Webhook(action, Map.of("Digits", answer.get().keys())));
                    }
                    out.accept("> caller presses nothing");
                    if ("true".equals(verb.getAttribute("actionOnEmptyResult"))) {
                        return Optional.of(new Webhook(action, Map.of()));
                    }
                }
                case "Dial" -> {
                    Optional<Webhook> after = dial(verb, caller);
                    if (after == null) {
                        return hangUp();
                    }
                    if (after.isPresent()) {
                        return after;
                    }
                }
                case "Redirect" -> {
                    return Optional.of(new Webhook(verb.getTextContent().trim(), Map.of()));
                }
                case "Hangup" -> {
                    out.accept("[the hotline hangs up]");
                    record.ending(CallRecord.Ending.HOTLINE_HUNG_UP);
                    return Optional.empty();
                }
                default -> throw new SimulationException("TwiML has a verb Twilio would not expect here: <" + verb.getTagName() + ">");
            }
        }
        out.accept("[no more instructions: Twilio ends the call]");
        record.ending(CallRecord.Ending.NO_MORE_INSTRUCTIONS);
        return Optional.empty();
    }

    /** Empty when the call goes on to the next verb; {@code null} when the caller hangs up. */
    private Optional<Webhook> dial(Element verb, Caller caller) throws IOException, InterruptedException {
        Optional<Element> numberElement = TwimlParser.children(verb).stream().filter(e -> e.getTagName().equals("Number")).findFirst();
        String number = numberElement.map(e -> e.getTextContent().trim()).orElse(verb.getTextContent().trim());
        record.dialed(number);
        out.accept(">> transferring to " + number + (verb.hasAttribute("callerId")
                ? " (caller ID " + verb.getAttribute("callerId") + ")" : " (no caller ID set)"));
        Optional<TransferOutcome> outcome = caller.respondToTransfer(number);
        if (outcome.isEmpty()) {
            return null;
        }
        out.accept("> transfer " + outcome.get().dialCallStatus());
        if (outcome.get() == TransferOutcome.ANSWERED && numberElement.isPresent() && numberElement.get().hasAttribute("url")) {
            whisper(numberElement.get().getAttribute("url"));
        }
        if (!verb.hasAttribute("action")) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("DialCallStatus", outcome.get().dialCallStatus());
        params.put("DialCallSid", "CA" + "d".repeat(32));
        params.put("DialCallDuration", outcome.get() == TransferOutcome.ANSWERED ? "95" : "0");
        return Optional.of(new Webhook(verb.getAttribute("action"), params));
    }

    /** Twilio asks the Number's url when the line answers, and plays its answer to the line alone. */
    private void whisper(String url) throws IOException, InterruptedException {
        // Not one of the call's steps: the line hears it, and the call's own exchanges go on as before.
        Document twiml = post(new Webhook(url, Map.of()), false);
        for (Element verb : TwimlParser.children(twiml.getDocumentElement())) {
            if (!verb.getTagName().equals("Say")) {
                throw new SimulationException("what a line hears on answering may only be spoken, not <" + verb.getTagName() + ">");
            }
            CallRecord.Spoken words = new CallRecord.Spoken(verb.getAttribute("language"), verb.getAttribute("voice"),
                    verb.getTextContent());
            record.whispered(words);
            out.accept("   (the line hears, before the caller is connected: [" + words.language() + " " + words.voice() + "] "
                    + words.text() + ")");
        }
    }

    private void speak(Element verb) {
        switch (verb.getTagName()) {
            case "Say" -> {
                String language = verb.getAttribute("language");
                String voice = verb.getAttribute("voice");
                record.spoken(new CallRecord.Spoken(language, voice, verb.getTextContent()));
                out.accept("[" + language + " " + voice + "] " + verb.getTextContent());
            }
            case "Pause" -> out.accept("(pause " + (verb.hasAttribute("length") ? verb.getAttribute("length") : "1") + " s)");
            case "Play" -> out.accept("(plays " + verb.getTextContent().trim() + ")");
            default -> throw new SimulationException("<" + verb.getTagName() + "> cannot be spoken inside <Gather>");
        }
    }

    private Optional<Webhook> hangUp() {
        out.accept("[caller hangs up]");
        record.ending(CallRecord.Ending.CALLER_HUNG_UP);
        return Optional.empty();
    }

    private Document post(Webhook webhook) throws IOException, InterruptedException {
        return post(webhook, true);
    }

    /** @param step whether the request is one of the call's steps, kept among its exchanges */
    private Document post(Webhook webhook, boolean step) throws IOException, InterruptedException {
        if (!webhook.url().startsWith(publicBase + "/")) {
            throw new SimulationException("TwiML sends Twilio outside the hotline: " + webhook.url());
        }
        Map<String, String> params = new LinkedHashMap<>(callParams);
        params.putAll(webhook.params());
        String body = TwilioSigner.formBody(params);
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverBase + webhook.url().substring(publicBase.length())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(authToken, webhook.url(), params))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (step) {
            record.exchange(new CallRecord.Exchange(webhook.url(), webhook.params(), response.statusCode(), contentType,
                    response.body()));
        }
        if (response.statusCode() != 200) {
            throw new SimulationException("POST " + webhook.url() + " answered " + response.statusCode() + ": " + response.body());
        }
        if (!contentType.startsWith("application/xml") && !contentType.startsWith("text/xml")) {
            throw new SimulationException("POST " + webhook.url() + " answered with content type \"" + contentType
                    + "\"; Twilio needs application/xml or text/xml");
        }
        try {
            return TwimlParser.parse(response.body());
        } catch (TwimlParser.NotTwimlException e) {
            throw new SimulationException(e.getMessage());
        }
    }

    private record Webhook(String url, Map<String, String> params) {
    }
}
