package hotline.bench;

import hotline.catalog.Catalog;
import hotline.metrics.CallEvent;
import hotline.metrics.EventKind;
import hotline.simulator.TwilioSigner;
import hotline.voice.CallFlow;
import hotline.voice.CallInput;
import hotline.voice.CallStep;
import hotline.voice.Reply;
import hotline.voice.StepUrls;
import hotline.voice.TwimlParser;
import hotline.voice.VoiceRoutes;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The webhooks of many made-up calls, as Twilio would send them, for {@code scripts/bench}: each call has its own
 * CallSid and caller, starts at {@code /voice/incoming}, chooses a language (any of the catalog's), goes through
 * menus and topics with the keys a caller might press (now and then a wrong one), may be transferred, and ends with
 * Twilio's status callback. Every request is signed for the URL it goes to, as Twilio signs it. The walk builds
 * each answer with the same {@link CallFlow} the hotline uses, so the URLs are the ones the hotline's TwiML names.
 */
final class CallMix {
    private static final List<String> KEYS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#");
    private static final List<String> DIAL_OUTCOMES = List.of("completed", "completed", "busy", "no-answer", "failed");

    /** One webhook: its path and query, form body and signature. */
    record Request(String pathAndQuery, String body, String signature, boolean incoming) {
    }

    private final List<Request> requests = new ArrayList<>();

    private CallMix() {
    }

    /**
     * @param base the hotline's public URL, which the signatures cover
     * @param calls how many calls, each with its own CallSid
     */
    static CallMix of(Catalog catalog, String base, String token, int calls, long seed) {
        CallMix mix = new CallMix();
        StepUrls urls = new StepUrls(URI.create(base));
        CallFlow flow = new CallFlow(urls);
        Random random = new Random(seed);
        Instant now = Instant.now();
        for (int call = 0; call < calls; call++) {
            Map<String, String> caller = callerParams(random, call);
            mix.add(base, VoiceRoutes.INCOMING, caller, Map.of(), token, true);
            Reply answer = flow.incoming(catalog);
            int steps = 0;
            int maxSteps = 2 + random.nextInt(5);
            while (steps++ < maxSteps) {
                Document twiml = TwimlParser.parse(answer.twiml().toXml());
                Optional<String> gather = first(twiml, "Gather", "action");
                Optional<String> dial = first(twiml, "Dial", "action");
                if (gather.isPresent()) {
                    String url = gather.get();
                    CallStep step = urls.parseUrl(url).orElseThrow();
                    String key = key(flow, catalog, step, now, random);
                    mix.add(base, url.substring(base.length()), caller, Map.of("Digits", key, "FinishedOnKey", "",
                            "msg", "Gather End"), token, false);
                    answer = flow.respond(catalog, step, CallInput.pressed(key), now);
                } else if (dial.isPresent()) {
                    String url = dial.get();
                    CallStep step = urls.parseUrl(url).orElseThrow();
                    String outcome = DIAL_OUTCOMES.get(random.nextInt(DIAL_OUTCOMES.size()));
                    int seconds = outcome.equals("completed") ? 30 + random.nextInt(600) : 0;
                    mix.add(base, url.substring(base.length()), caller, Map.of("DialCallStatus", outcome,
                            "DialCallSid", "CA" + hex(random, 32), "DialCallDuration", Integer.toString(seconds)), token, false);
                    answer = flow.respond(catalog, step, CallInput.dialed(outcome, seconds), now);
                } else {
                    break;
                }
            }
            Map<String, String> ended = new LinkedHashMap<>(caller);
            ended.put("CallStatus", "completed");
            ended.put("CallDuration", Integer.toString(20 + random.nextInt(900)));
            mix.add(base, VoiceRoutes.STATUS, ended, Map.of(), token, false);
        }
        return mix;
    }

    /** Mostly a key that the step offers; one press in eight a key it does not. */
    private static String key(CallFlow flow, Catalog catalog, CallStep step, Instant now, Random random) {
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String key : KEYS) {
            List<CallEvent> events = flow.respond(catalog, step, CallInput.pressed(key), now).events();
            (events.stream().anyMatch(e -> e.kind() == EventKind.INVALID_INPUT) ? invalid : valid).add(key);
        }
        List<String> from = valid.isEmpty() || (!invalid.isEmpty() && random.nextInt(8) == 0) ? invalid : valid;
        return from.get(random.nextInt(from.size()));
    }

    private void add(String base, String pathAndQuery, Map<String, String> caller, Map<String, String> extra, String token,
                     boolean incoming) {
        Map<String, String> params = new LinkedHashMap<>(caller);
        params.putAll(extra);
        requests.add(new Request(pathAndQuery, TwilioSigner.formBody(params), TwilioSigner.sign(token, base + pathAndQuery, params),
                incoming));
    }

    /** What Twilio posts with every webhook of a call: its ids, and the caller's (made-up) number and place. */
    private static Map<String, String> callerParams(Random random, int call) {
        String from = "+1555" + (1_000_000 + random.nextInt(9_000_000));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", "CA" + hex(random, 24) + String.format("%08x", call));
        params.put("CallStatus", "in-progress");
        params.put("Called", "+15555550199");
        params.put("CalledCity", "");
        params.put("CalledCountry", "US");
        params.put("CalledState", "CA");
        params.put("CalledZip", "");
        params.put("Caller", from);
        params.put("CallerCity", "LOS ANGELES");
        params.put("CallerCountry", "US");
        params.put("CallerState", "CA");
        params.put("CallerZip", "90012");
        params.put("Direction", "inbound");
        params.put("From", from);
        params.put("FromCity", "LOS ANGELES");
        params.put("FromCountry", "US");
        params.put("FromState", "CA");
        params.put("FromZip", "90012");
        params.put("To", "+15555550199");
        params.put("ToCity", "");
        params.put("ToCountry", "US");
        params.put("ToState", "CA");
        params.put("ToZip", "");
        return params;
    }

    private static String hex(Random random, int digits) {
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private static Optional<String> first(Document twiml, String tag, String attribute) {
        NodeList elements = twiml.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            String value = ((Element) elements.item(i)).getAttribute(attribute);
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    List<Request> incoming() {
        return requests.stream().filter(Request::incoming).toList();
    }

    List<Request> laterSteps() {
        return requests.stream().filter(r -> !r.incoming()).toList();
    }

    List<Request> all() {
        return List.copyOf(requests);
    }

    /**
     * A wrk script that sends these requests in turn (each wrk thread from its own place in the list), each with its
     * own {@code I-Twilio-Idempotency-Token}, as Twilio sends: the header is not signed, so it can differ per send.
     */
    static Path wrkScript(List<Request> requests, String host, Path file) throws IOException {
        StringBuilder lua = new StringBuilder("local r = {\n");
        for (Request request : requests) {
            String head = "POST " + request.pathAndQuery() + " HTTP/1.1\\r\\nHost: " + host
                    + "\\r\\nContent-Type: application/x-www-form-urlencoded\\r\\nContent-Length: " + request.body().length()
                    + "\\r\\nX-Twilio-Signature: " + request.signature() + "\\r\\nI-Twilio-Idempotency-Token: ";
            lua.append("{\"").append(head).append("\",\"\\r\\n\\r\\n").append(request.body()).append("\"},\n");
        }
        lua.append("""
                }
                local n = #r
                local i = 0
                local sent = 0
                local tag = "1"
                local threads = 0
                function setup(thread)
                  threads = threads + 1
                  thread:set("number", threads)
                end
                function init(args)
                  local t = number or 1
                  tag = tostring(t) .. "-" .. tostring(os.time())
                  i = ((t - 1) * 7919) % n
                end
                function request()
                  i = i % n + 1
                  sent = sent + 1
                  local q = r[i]
                  return q[1] .. tag .. "-" .. sent .. q[2]
                end
                """);
        Files.writeString(file, lua);
        return file;
    }
}
