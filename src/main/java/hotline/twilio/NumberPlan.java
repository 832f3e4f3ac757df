package hotline.twilio;

import hotline.voice.VoiceRoutes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a Twilio number must say for calls to reach this hotline, and how far a number is from it: the changes
 * {@code connect} would make, and the findings {@code check} reports. No network here: it compares settings only.
 */
final class NumberPlan {
    static final String POST = "POST";

    /** A setting of the number that {@code connect} may change, named as in the Twilio Console where it can be. */
    enum Setting {
        VOICE_URL("voice URL (\"A call comes in\")"),
        VOICE_METHOD("voice URL method"),
        STATUS_CALLBACK("status callback URL (\"Call status changes\")"),
        STATUS_CALLBACK_METHOD("status callback method"),
        FALLBACK_URL("fallback URL (\"Primary handler fails\")"),
        FALLBACK_METHOD("fallback URL method"),
        TWIML_APP("TwiML app handling calls"),
        CALLER_NAME_LOOKUP("caller name lookup (CNAM)"),
        RECEIVE_MODE("receives");

        private final String label;

        Setting(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One setting {@code connect} changes, from what it is to what it will be. */
    record Change(Setting setting, String now, String wanted) {
    }

    /** One line of {@code check}: right or wrong, and what it is about. */
    record Finding(boolean ok, String text) {
        static Finding right(String text) {
            return new Finding(true, text);
        }

        static Finding wrong(String text) {
            return new Finding(false, text);
        }
    }

    private final URI publicUrl;
    private final String base;

    NumberPlan(URI publicUrl) {
        this.publicUrl = publicUrl;
        this.base = publicUrl.toString().replaceAll("/+$", "");
    }

    String voiceUrl() {
        return base + VoiceRoutes.INCOMING;
    }

    String statusCallback() {
        return base + VoiceRoutes.STATUS;
    }

    /**
     * Why a URL cannot be the fallback, if it cannot: the fallback must answer when this server does not, so it must
     * be served elsewhere (a TwiML Bin, or a second hotline on another host), over https.
     */
    Optional<String> fallbackProblem(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("\"" + url + "\" is not a URL");
        }
        if (uri.getHost() == null || !"https".equals(uri.getScheme())) {
            return Optional.of("\"" + url + "\" is not an https address (a TwiML Bin's URL looks like "
                    + "https://handler.twilio.com/twiml/EH...)");
        }
        if (sameServer(uri)) {
            return Optional.of("\"" + url + "\" is on this hotline's own server (" + publicUrl.getHost()
                    + "), so it would fail whenever the hotline does; use the TwiML Bin's URL");
        }
        return Optional.empty();
    }

    private boolean sameServer(URI uri) {
        return uri.getHost().equalsIgnoreCase(publicUrl.getHost()) && port(uri) == port(publicUrl);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /**
     * The settings {@code connect} makes, in the order it shows them.
     *
     * @param fallbackUrl the fallback to set; without one the number keeps its own, if that can be a fallback
     */
    Map<Setting, String> wanted(NumberConfig number, Optional<String> fallbackUrl) {
        Map<Setting, String> wanted = new LinkedHashMap<>();
        wanted.put(Setting.VOICE_URL, voiceUrl());
        wanted.put(Setting.VOICE_METHOD, POST);
        wanted.put(Setting.STATUS_CALLBACK, statusCallback());
        wanted.put(Setting.STATUS_CALLBACK_METHOD, POST);
        Optional<String> fallback = fallbackUrl.map(String::trim)
                .or(() -> Optional.of(number.fallbackUrl()).filter(url -> !url.isEmpty() && fallbackProblem(url).isEmpty()));
        fallback.ifPresent(url -> {
            wanted.put(Setting.FALLBACK_URL, url);
            wanted.put(Setting.FALLBACK_METHOD, POST);
        });
        wanted.put(Setting.TWIML_APP, "");
        wanted.put(Setting.CALLER_NAME_LOOKUP, "false");
        wanted.put(Setting.RECEIVE_MODE, "voice");
        return wanted;
    }

    static String current(NumberConfig number, Setting setting) {
        return switch (setting) {
            case VOICE_URL -> number.voiceUrl();
            case VOICE_METHOD -> number.voiceMethod();
            case STATUS_CALLBACK -> number.statusCallback();
            case STATUS_CALLBACK_METHOD -> number.statusCallbackMethod();
            case FALLBACK_URL -> number.fallbackUrl();
            case FALLBACK_METHOD -> number.fallbackMethod();
            case TWIML_APP -> number.voiceApplicationSid();
            case CALLER_NAME_LOOKUP -> Boolean.toString(number.callerNameLookup());
            case RECEIVE_MODE -> number.receiveMode();
        };
    }

    /** Every setting of {@code wanted} that the number does not have yet. */
    static List<Change> changes(NumberConfig number, Map<Setting, String> wanted) {
        List<Change> changes = new ArrayList<>();
        wanted.forEach((setting, value) -> {
            String now = current(number, setting);
            boolean same = setting == Setting.VOICE_METHOD || setting == Setting.STATUS_CALLBACK_METHOD
                    || setting == Setting.FALLBACK_METHOD ? now.equalsIgnoreCase(value) : now.equals(value);
            if (!same) {
                changes.add(new Change(setting, now, value));
            }
        });
        return changes;
    }

    /**
     * What is right and what is not on the number, one finding a line, each wrong one saying why it matters.
     *
     * @param expectedFallback the fallback the number must have, when the person checking named one
     */
    List<Finding> review(NumberConfig number, Optional<String> expectedFallback) {
        List<Finding> findings = new ArrayList<>();
        findings.add(url("calls", number.voiceUrl(), voiceUrl(),
                "so callers do not reach this hotline"));
        findings.add(method("calls", number.voiceMethod()));
        if (!number.voiceApplicationSid().isEmpty()) {
            findings.add(Finding.wrong("the TwiML app " + number.voiceApplicationSid() + " handles this number's calls, so "
                    + "Twilio ignores its voice URL: connect removes the app from the number"));
        }
        if (!number.trunkSid().isEmpty()) {
            findings.add(Finding.wrong("the number is on the SIP trunk " + number.trunkSid() + ", so Twilio sends its calls "
                    + "to the trunk and ignores its voice URL: remove it from the trunk in the Twilio Console"));
        }
        if (!number.receiveMode().isEmpty() && !number.receiveMode().equals("voice")) {
            findings.add(Finding.wrong("the number receives " + number.receiveMode() + ", not voice calls"));
        }
        findings.add(url("call status reports", number.statusCallback(),
                statusCallback(), "so the statistics never learn when calls end or how long they last"));
        findings.add(method("call status reports", number.statusCallbackMethod()));
        findings.addAll(fallback(number, expectedFallback));
        findings.add(number.callerNameLookup()
                ? Finding.wrong("caller name lookup (CNAM) is on: Twilio looks up each caller's name and sends it to the "
                + "hotline, which must never learn it; connect turns it off")
                : Finding.right("caller name lookup (CNAM) is off"));
        return findings;
    }

    private List<Finding> fallback(NumberConfig number, Optional<String> expected) {
        String url = number.fallbackUrl();
        if (url.isEmpty()) {
            return List.of(Finding.wrong("no fallback URL: when this server cannot answer, callers hear Twilio's error "
                    + "message and are cut off; paste scripts/hotline fallback-twiml into a TwiML Bin and run connect "
                    + "with --fallback-url and the Bin's URL"));
        }
        List<Finding> findings = new ArrayList<>();
        Optional<String> problem = fallbackProblem(url);
        if (problem.isPresent()) {
            findings.add(Finding.wrong("fallback URL " + problem.get()));
        } else if (expected.isPresent() && !expected.get().trim().equals(url)) {
            findings.add(Finding.wrong("fallback URL is " + url + ", not " + expected.get().trim()));
        } else {
            findings.add(Finding.right("fallback URL: " + url + " (served elsewhere than this hotline)"));
        }
        findings.add(method("requests to the fallback", number.fallbackMethod()));
        return findings;
    }

    private static Finding url(String what, String now, String wanted, String consequence) {
        if (now.equals(wanted)) {
            return Finding.right(what + " come to " + wanted);
        }
        return Finding.wrong(what + (now.isEmpty() ? " go nowhere (no URL is set)" : " go to " + now)
                + ", not to " + wanted + ", " + consequence);
    }

    private static Finding method(String what, String method) {
        if (method.toUpperCase(Locale.ROOT).equals(POST)) {
            return Finding.right(what + " are sent with POST");
        }
        return Finding.wrong(what + " are sent with " + (method.isEmpty() ? "no method" : method)
                + " instead of POST: the hotline answers POST only, so "
                + (what.equals("calls") ? "every call would fail" : "these requests would fail"));
    }
}
