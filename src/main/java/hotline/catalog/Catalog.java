package hotline.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One published version of everything a caller can hear and reach: languages, prompts and resource lines.
 * Immutable and validated; the call path reads nothing else.
 *
 * @param version          a label for this content, shown on /healthz
 * @param languages        in the order the language menu offers them
 * @param lines            in the order the directory offers them
 * @param hotlineLineId    the 24-hour line every failure ends at
 * @param speakNowOrder    the lines "speak with someone now" tries, first open one wins
 * @param recordings       per language, the audio file of each recorded slot ({@link RecordingSlots}), up to date only
 * @param anotherLanguage  the language menu's key for any other language, and the line with interpreters
 * @param whisper          what a line hears when it answers a transfer, before the caller is connected
 */
public record Catalog(String version, List<Language> languages, String defaultLanguage, Map<String, Prompts> prompts,
                      List<ResourceLine> lines, ZoneId timeZone, String hotlineLineId, List<String> speakNowOrder,
                      int dialTimeoutSeconds, Map<String, Map<String, String>> recordings,
                      Optional<AnotherLanguage> anotherLanguage, Optional<Whisper> whisper) {

    /**
     * The language menu's key for a language that is not offered, and the 24-hour line with interpreters.
     *
     * @param announceIn the offered languages in which the menu says this key, in menu order
     */
    public record AnotherLanguage(String key, String lineId, List<String> announceIn) {
        public AnotherLanguage {
            announceIn = List.copyOf(announceIn);
        }
    }

    /**
     * The notice a line hears, privately, when it answers a transfer.
     *
     * @param text a sentence with {@code {language}}, filled with the caller's language by its English name
     */
    public record Whisper(String text, String twilioLanguage, String voice) {
        public static final String LANGUAGE = "{language}";

        /** What a caller needs who chose no language of the menu, in place of a language's name. */
        static final String NO_LANGUAGE = "a language this line does not offer, and needs an interpreter";

        /** The notice for a caller who chose {@code language}, or none of the menu's (empty). */
        public String about(Optional<Language> language) {
            return text.replace(LANGUAGE, language.map(Language::name).orElse(NO_LANGUAGE));
        }
    }

    public Catalog {
        languages = List.copyOf(languages);
        prompts = Map.copyOf(prompts);
        lines = List.copyOf(lines);
        speakNowOrder = List.copyOf(speakNowOrder);
        recordings = Map.copyOf(recordings);
    }

    /** The same content under another label, such as the version it was published as. */
    public Catalog withVersion(String label) {
        return new Catalog(label, languages, defaultLanguage, prompts, lines, timeZone, hotlineLineId, speakNowOrder,
                dialTimeoutSeconds, recordings, anotherLanguage, whisper);
    }

    /** The same content with other prompts: for tests that need content the validator would refuse. */
    public Catalog withPrompts(Map<String, Prompts> changed) {
        return new Catalog(version, languages, defaultLanguage, changed, lines, timeZone, hotlineLineId, speakNowOrder,
                dialTimeoutSeconds, recordings, anotherLanguage, whisper);
    }

    /**
     * The same content with no recordings: every text is spoken by its language's voice. For answers that must not
     * depend on this server, which serves the recordings (the fallback hosted by Twilio).
     */
    public Catalog withoutRecordings() {
        return new Catalog(version, languages, defaultLanguage, prompts, lines, timeZone, hotlineLineId, speakNowOrder,
                dialTimeoutSeconds, Map.of(), anotherLanguage, whisper);
    }

    /** The audio file recorded for {@code slot} in {@code language}, if there is an up-to-date one. */
    public Optional<String> recording(Language language, String slot) {
        return Optional.ofNullable(recordings.getOrDefault(language.code(), Map.of()).get(slot));
    }

    public Optional<Language> language(String code) {
        return languages.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public Language defaultLanguageEntry() {
        return language(defaultLanguage).orElseThrow();
    }

    public Prompts prompts(Language language) {
        return prompts.get(language.code());
    }

    public Optional<ResourceLine> line(String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public ResourceLine hotline() {
        return line(hotlineLineId).orElseThrow();
    }

    public Map<String, ResourceLine> linesById() {
        return lines.stream().collect(Collectors.toUnmodifiableMap(ResourceLine::id, Function.identity()));
    }

    public boolean isOpen(ResourceLine line, Instant now) {
        return line.hours().isOpenAt(LocalDateTime.ofInstant(now, timeZone));
    }

    /**
     * The first open line in the chain that starts at {@code lineId} and follows each line's failover.
     * Validation guarantees every chain ends at a 24-hour line, so this finds one unless the chain is empty.
     */
    public Optional<ResourceLine> firstOpenInChain(Optional<String> lineId, Instant now) {
        Optional<ResourceLine> candidate = lineId.flatMap(this::line);
        for (int hops = 0; candidate.isPresent() && hops <= lines.size(); hops++) {
            ResourceLine line = candidate.get();
            if (isOpen(line, now)) {
                return candidate;
            }
            candidate = line.failover().flatMap(this::line);
        }
        return Optional.empty();
    }

    /** Where "speak with someone now" connects: the first open line in the configured order, else the hotline. */
    public ResourceLine speakNowLine(Instant now) {
        return speakNowOrder.stream().map(this::line).flatMap(Optional::stream)
                .filter(line -> isOpen(line, now)).findFirst().orElse(hotline());
    }
}
