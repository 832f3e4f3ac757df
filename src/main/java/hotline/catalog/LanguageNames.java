package hotline.catalog;

import java.util.Locale;
import java.util.Map;

/** A language's name in English, as staff and the lines answering a transfer know it: "Cantonese", not "yue-HK". */
public final class LanguageNames {
    /** Where the JDK's name is not the one people use on a phone line ("Chinese" says nothing about what is spoken). */
    private static final Map<String, String> SPOKEN = Map.of("zh-CN", "Mandarin", "cmn-CN", "Mandarin",
            "zh-TW", "Mandarin", "yue-HK", "Cantonese", "fil-PH", "Filipino (Tagalog)", "fa-IR", "Farsi");

    private LanguageNames() {
    }

    /** The name given in {@code languages.yaml}, or one derived from the code. */
    public static String english(String code, String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (code == null) {
            return "";
        }
        if (SPOKEN.containsKey(code)) {
            return SPOKEN.get(code);
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }
}
