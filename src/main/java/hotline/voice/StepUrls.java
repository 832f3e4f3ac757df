package hotline.voice;

import hotline.voice.CallStep.LanguageMenu;
import hotline.voice.CallStep.MenuStep;
import hotline.voice.CallStep.TransferResult;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a {@link CallStep} into the absolute URL Twilio will call next, and reads it back. Reading is lenient:
 * a value that does not parse falls back to a safe default (main menu, first try), because a caller must never
 * be dropped over a URL, and the URL was signed by Twilio, so it came from our own TwiML.
 */
public final class StepUrls {
    /** Compiled once, not at every webhook. */
    private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,3}");
    private final String base;

    public StepUrls(URI publicUrl) {
        this.base = publicUrl.toString().replaceAll("/+$", "");
    }

    /** Where Twilio fetches a recording: its file name is its content's hash, so the URL cannot be guessed. */
    public String audio(String file) {
        return base + AUDIO_PREFIX + file;
    }

    public static final String AUDIO_PREFIX = "/audio/";

    public String incoming() {
        return base + VoiceRoutes.INCOMING;
    }

    /** What a line hears when it answers a caller who chose {@code language}. */
    public String whisper(String language) {
        return base + VoiceRoutes.WHISPER + "?lang=" + URLEncoder.encode(language, StandardCharsets.UTF_8);
    }

    public String of(CallStep step) {
        Map<String, String> query = new LinkedHashMap<>();
        String path;
        if (step instanceof LanguageMenu s) {
            path = VoiceRoutes.LANGUAGE;
            query.put("tries", Integer.toString(s.tries()));
        } else if (step instanceof MenuStep s) {
            path = VoiceRoutes.MENU;
            query.put("lang", s.language());
            query.put("menu", s.menu().urlName());
            if (s.page() > 0) {
                query.put("page", Integer.toString(s.page()));
            }
            s.topic().ifPresent(topic -> query.put("topic", topic.urlName()));
            s.line().ifPresent(line -> query.put("line", line));
            query.put("tries", Integer.toString(s.tries()));
        } else {
            TransferResult s = (TransferResult) step;
            path = VoiceRoutes.TRANSFER_RESULT;
            query.put("lang", s.language());
            query.put("line", s.line());
        }
        return base + path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The step an absolute URL of ours stands for, such as an action URL in our own TwiML. */
    public Optional<CallStep> parseUrl(String url) {
        if (url == null || !url.startsWith(base + "/")) {
            return Optional.empty();
        }
        String rest = url.substring(base.length());
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        if (!path.equals(VoiceRoutes.LANGUAGE) && !path.equals(VoiceRoutes.MENU) && !path.equals(VoiceRoutes.TRANSFER_RESULT)) {
            return Optional.empty();
        }
        return Optional.of(parse(path, query));
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The step a webhook on {@code path} continues; the query holds the state {@link #of} wrote. */
    public static CallStep parse(String path, Map<String, String> query) {
        String language = query.getOrDefault("lang", "");
        switch (path) {
            case VoiceRoutes.MENU:
                return new MenuStep(language,
                        Menu.fromUrlName(query.get("menu")).orElse(Menu.MAIN),
                        number(query.get("page")),
                        Optional.ofNullable(query.get("topic")).flatMap(Topic::fromUrlName),
                        Optional.ofNullable(query.get("line")),
                        number(query.get("tries")));
            case VoiceRoutes.TRANSFER_RESULT:
                return new TransferResult(language, query.getOrDefault("line", ""));
            default:
                return new LanguageMenu(number(query.get("tries")));
        }
    }

    private static int number(String text) {
        if (text == null || !SMALL_NUMBER.matcher(text).matches()) {
            return 0;
        }
        return Integer.parseInt(text);
    }
}
