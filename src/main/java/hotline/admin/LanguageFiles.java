package hotline.admin;

import hotline.catalog.CatalogSource;
import hotline.catalog.PromptFiles;

import java.util.LinkedHashMap;
import java.util.Map;

/** Imports language files alone (a translator's work) into the draft: their texts replace those languages' texts. */
final class LanguageFiles {
    private LanguageFiles() {
    }

    /**
     * The draft with the texts of {@code files}, each a language's file; parse problems name the imported file.
     * A language file without a recordings section keeps the recordings the draft has for that language.
     */
    static CatalogSource merged(CatalogSource draft, Map<String, String> files) {
        Map<String, String> all = new LinkedHashMap<>(PromptFiles.render(draft));
        all.putAll(files);
        CatalogSource parsed = PromptFiles.parse(all);
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>(draft.prompts());
        Map<String, Map<String, CatalogSource.RecordingEntry>> recordings = new LinkedHashMap<>(draft.recordings());
        for (String name : files.keySet()) {
            String language = name.substring(0, name.length() - ".yaml".length());
            prompts.put(language, parsed.prompts().get(language));
            if (parsed.recordings().containsKey(language)) {
                recordings.put(language, parsed.recordings().get(language));
            }
        }
        return draft.withPrompts(prompts).withRecordings(recordings);
    }
}
