package hotline.catalog;

import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Say;

import hotline.catalog.CatalogSource.LanguageEntry;
import hotline.catalog.CatalogSource.LanguagesFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one gate every piece of content passes before callers hear it: at start-up, on import and on publish.
 * Collects every problem it finds, so a person can fix them all in one go. Problems in a language that is not
 * offered (disabled) are warnings, so a translation can grow in the draft while other changes are published.
 */
public final class CatalogValidator {
    public static final Set<String> TWILIO_LANGUAGES =
            Arrays.stream(Say.Language.values()).map(Say.Language::toString).collect(Collectors.toUnmodifiableSet());
    public static final Set<String> TWILIO_VOICES =
            Arrays.stream(Say.Voice.values()).map(Say.Voice::toString).collect(Collectors.toUnmodifiableSet());
    public static final Set<String> SPEECH_LANGUAGES =
            Arrays.stream(Gather.Language.values()).map(Gather.Language::toString).collect(Collectors.toUnmodifiableSet());
    private static final String LANGUAGE_CODE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    private CatalogValidator() {
    }

    /** The catalog callers would hear, or an exception listing every error. */
    public static Catalog validate(CatalogSource source) {
        CatalogCheck check = check(source);
        if (!check.ok()) {
            throw new CatalogException(check.errors());
        }
        return check.catalog().orElseThrow();
    }

    public static CatalogCheck check(CatalogSource source) {
        return check(source, false);
    }

    /**
     * The check of content that callers already heard, at start-up: a rule of how texts are written that this
     * release added (see {@link CatalogProblem#wording}) is a warning there, so that a hotline never stops answering
     * over it; every publish still refuses it.
     */
    public static CatalogCheck checkPublished(CatalogSource source) {
        return check(source, true);
    }

    private static CatalogCheck check(CatalogSource source, boolean published) {
        CatalogCheck strict = checkStrictly(source);
        if (!published || strict.ok() || strict.errors().stream().anyMatch(p -> !p.wording())) {
            return strict;
        }
        CatalogCheck lenient = checkStrictly(source, true);
        List<CatalogProblem> warnings = new ArrayList<>(strict.errors());
        warnings.addAll(strict.warnings());
        return new CatalogCheck(lenient.catalog(), List.of(), warnings);
    }

    private static CatalogCheck checkStrictly(CatalogSource source) {
        return checkStrictly(source, false);
    }

    /** @param wordingAllowed build the catalog even where only rules of wording are broken */
    private static CatalogCheck checkStrictly(CatalogSource source, boolean wordingAllowed) {
        List<CatalogProblem> errors = new ArrayList<>();
        List<CatalogProblem> warnings = new ArrayList<>();
        List<Language> languages = languages(source.languages(), source.prompts().keySet(), errors, warnings);
        Set<String> offered = languages.stream().map(Language::code).collect(Collectors.toSet());
        LineDirectory directory = LineDirectoryValidator.validate(source.lines(), declaredCodes(source.languages()),
                offered, errors);
        Map<String, Prompts> prompts = new LinkedHashMap<>();
        Map<String, Prompts> written = new LinkedHashMap<>();
        Map<String, Map<String, String>> recordings = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> file : source.prompts().entrySet()) {
            String code = file.getKey();
            boolean isOffered = offered.contains(code);
            if (!isOffered && !declaredCodes(source.languages()).contains(code)) {
                continue;
            }
            List<CatalogProblem> problems = isOffered ? errors : warnings;
            Prompts checked = PromptValidator.validate(code, file.getValue(), directory.lines(), problems);
            written.put(code, checked);
            Map<String, String> fresh = RecordingValidator.validate(code, source.recordings().getOrDefault(code, Map.of()),
                    checked, directory.lines(), recordingsOnly(source.languages(), code), problems, warnings);
            if (isOffered) {
                prompts.put(code, checked);
                recordings.put(code, fresh);
            }
        }
        for (String code : source.recordings().keySet()) {
            if (!source.prompts().containsKey(code)) {
                warnings.add(new CatalogProblem(CatalogSource.promptFile(code), "recordings", "recordings for a language with no prompts"));
            }
        }
        Optional<Catalog.AnotherLanguage> another = anotherLanguage(source.languages(), languages, directory, errors);
        String defaultCode = source.languages() == null ? null : source.languages().defaultLanguage();
        if (written.containsKey(defaultCode)) {
            Translations.check(defaultCode, written, offered, source.lines(), errors, warnings);
        }
        if (!errors.isEmpty() && !(wordingAllowed && errors.stream().allMatch(CatalogProblem::wording))) {
            return new CatalogCheck(Optional.empty(), errors, warnings);
        }
        Catalog catalog = new Catalog(source.version(), languages, source.languages().defaultLanguage(), prompts,
                directory.lines(), directory.timeZone(), directory.hotlineLineId(), directory.speakNowOrder(),
                directory.dialTimeoutSeconds(), recordings, another, directory.whisper());
        return new CatalogCheck(Optional.of(catalog), errors, warnings);
    }

    private static boolean recordingsOnly(LanguagesFile file, String code) {
        return file != null && file.languages() != null
                && file.languages().stream().anyMatch(l -> code.equals(l.code()) && l.recordingsOnly());
    }

    /** The key for any other language: not a language's key, and leading to an offered 24-hour line. */
    private static Optional<Catalog.AnotherLanguage> anotherLanguage(LanguagesFile file, List<Language> offered,
                                                                     LineDirectory directory, List<CatalogProblem> errors) {
        if (file == null || file.anotherLanguage() == null) {
            return Optional.empty();
        }
        CatalogSource.AnotherLanguage another = file.anotherLanguage();
        String where = CatalogSource.LANGUAGES_FILE;
        int before = errors.size();
        if (another.key() == null || !another.key().matches("[0-9]")) {
            errors.add(new CatalogProblem(where, "another_language.key", "\"" + another.key() + "\" must be one digit"));
        } else if (offered.stream().anyMatch(l -> l.key().equals(another.key()))) {
            errors.add(new CatalogProblem(where, "another_language.key", "key " + another.key() + " is taken by a language"));
        }
        boolean allDay = directory.lines().stream().anyMatch(l -> l.id().equals(another.line()) && l.openAllDay());
        if (!allDay) {
            errors.add(new CatalogProblem(where, "another_language.line", "\"" + another.line()
                    + "\" must name an offered line open 24 hours, with interpreters"));
        }
        List<String> announceIn = another.announceIn() == null || another.announceIn().isEmpty()
                ? List.of(file.defaultLanguage()) : another.announceIn();
        Set<String> declared = declaredCodes(file);
        for (int i = 0; i < announceIn.size(); i++) {
            // A language taken out of the menu is simply not heard here; only a code that names no language is wrong.
            if (!declared.contains(announceIn.get(i))) {
                errors.add(new CatalogProblem(where, "another_language.announce_in[" + i + "]", "\"" + announceIn.get(i)
                        + "\" is not a language of " + where));
            }
        }
        // Said in menu order, so that each language's voice is heard once, where callers expect it.
        List<String> inMenuOrder = offered.stream().map(Language::code).filter(announceIn::contains).toList();
        return errors.size() == before
                ? Optional.of(new Catalog.AnotherLanguage(another.key(), another.line(), inMenuOrder)) : Optional.empty();
    }

    private static Set<String> declaredCodes(LanguagesFile file) {
        if (file == null || file.languages() == null) {
            return Set.of();
        }
        return file.languages().stream().map(LanguageEntry::code).filter(code -> code != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The languages offered to callers, in menu order; disabled ones are checked, but not offered. */
    private static List<Language> languages(LanguagesFile file, Set<String> promptFiles, List<CatalogProblem> errors,
                                            List<CatalogProblem> warnings) {
        String where = CatalogSource.LANGUAGES_FILE;
        if (file == null || file.languages() == null || file.languages().isEmpty()) {
            errors.add(new CatalogProblem(where, "languages", "missing; list at least one language"));
            return List.of();
        }
        List<Language> offered = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < file.languages().size(); i++) {
            LanguageEntry entry = file.languages().get(i);
            String at = "languages[" + i + "]";
            if (entry.code() == null || !entry.code().matches(LANGUAGE_CODE)) {
                errors.add(new CatalogProblem(where, at + ".code", "\"" + entry.code() + "\" is not a language code like en-US"));
                continue;
            }
            at = "languages[" + i + "] (" + entry.code() + ")";
            List<CatalogProblem> problems = entry.offered() ? errors : warnings;
            int before = problems.size();
            if (!codes.add(entry.code())) {
                errors.add(new CatalogProblem(where, at + ".code", "listed twice"));
            }
            if (entry.key() == null || !entry.key().matches("[1-9]")) {
                problems.add(new CatalogProblem(where, at + ".key", "\"" + entry.key() + "\" must be one digit from 1 to 9"));
            } else if (entry.offered() && !keys.add(entry.key())) {
                problems.add(new CatalogProblem(where, at + ".key", "key " + entry.key() + " is taken by another language"));
            }
            if (entry.recordingsOnly()) {
                // no voice: heard from recordings only, which RecordingValidator checks
            } else if (entry.twilioLanguage() == null || entry.voice() == null) {
                problems.add(new CatalogProblem(where, at + (entry.voice() == null ? ".voice" : ".twilio_language"),
                        "missing; give both twilio_language and voice, or neither for a language heard from recordings only"));
            } else {
                if (!TWILIO_LANGUAGES.contains(entry.twilioLanguage())) {
                    problems.add(new CatalogProblem(where, at + ".twilio_language", "\"" + entry.twilioLanguage()
                            + "\" is not a language Twilio can speak (such as en-US, es-US, cmn-CN)"));
                }
                if (!TWILIO_VOICES.contains(entry.voice())) {
                    problems.add(new CatalogProblem(where, at + ".voice", "\"" + entry.voice()
                            + "\" is not a Twilio voice (such as Polly.Joanna-Neural); names are case-sensitive"));
                }
            }
            if (entry.speechLanguage() != null && !SPEECH_LANGUAGES.contains(entry.speechLanguage())) {
                problems.add(new CatalogProblem(where, at + ".speech_language", "\"" + entry.speechLanguage()
                        + "\" is not a language Twilio can listen for (such as en-US, es-US, cmn-Hans-CN)"));
            }
            if (!promptFiles.contains(entry.code())) {
                problems.add(new CatalogProblem(CatalogSource.promptFile(entry.code()), "", "missing; every language in "
                        + where + " needs its prompt file"));
            }
            if (entry.offered() && problems.size() == before) {
                offered.add(new Language(entry.code(), entry.key(), Optional.ofNullable(entry.twilioLanguage()),
                        Optional.ofNullable(entry.voice()), Optional.ofNullable(entry.speechLanguage()),
                        LanguageNames.english(entry.code(), entry.name())));
            }
        }
        String defaultLanguage = file.defaultLanguage();
        boolean defaultOffered = file.languages().stream()
                .anyMatch(l -> l.offered() && l.code() != null && l.code().equals(defaultLanguage));
        if (!defaultOffered) {
            errors.add(new CatalogProblem(where, "default", "\"" + defaultLanguage
                    + "\" must be one of the languages offered: " + file.languages().stream().filter(LanguageEntry::offered)
                    .map(LanguageEntry::code).collect(Collectors.joining(", "))));
        }
        for (String code : promptFiles) {
            if (!codes.contains(code)) {
                errors.add(new CatalogProblem(CatalogSource.promptFile(code), "", "unknown language \"" + code
                        + "\"; add it to " + where + " or remove the file"));
            }
        }
        return offered;
    }
}
