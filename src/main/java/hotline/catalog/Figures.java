package hotline.catalog;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a text, in order, as values that are the same in every language: "600,000" in English, "600 mil"
 * in Spanish, "60万" in Chinese, "60만" in Korean and "600.000" in Vietnamese are all 600000; "80%" and "80 %" are
 * 80%; digits said one by one ("9 1 1") are one number. A translation whose figures differ from the default
 * language's has a wrong figure, whatever its words.
 */
final class Figures {
    /** Digits said one by one, as a number is read out: "9 1 1", "1 2, 5 1 4". */
    private static final String SPELLED = "\\d(?:(?:, ?| )\\d(?!\\d))+";
    /** Thousands grouped with a comma, a dot or a space: "600,000", "600.000", "600 000". */
    private static final String GROUPED = "\\d{1,3}(?:[,.\u00a0\u202f ]\\d{3})+(?!\\d)";
    private static final Pattern FIGURE = Pattern.compile(
            "(" + SPELLED + "|" + GROUPED + "|\\d+)(?:\\s?(%|万|萬|만|억|亿|億|mil(?![\\p{L}])|million|millones|milyon))?");
    private static final Map<String, BigDecimal> MULTIPLIERS = Map.of(
            "万", BigDecimal.valueOf(10_000), "萬", BigDecimal.valueOf(10_000), "만", BigDecimal.valueOf(10_000),
            "억", BigDecimal.valueOf(100_000_000), "亿", BigDecimal.valueOf(100_000_000), "億", BigDecimal.valueOf(100_000_000),
            "mil", BigDecimal.valueOf(1_000), "million", BigDecimal.valueOf(1_000_000),
            "millones", BigDecimal.valueOf(1_000_000), "milyon", BigDecimal.valueOf(1_000_000));

    private Figures() {
    }

    static List<String> of(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC);
        List<String> figures = new ArrayList<>();
        Matcher m = FIGURE.matcher(plain);
        while (m.find()) {
            String digits = m.group(1).replaceAll("[^0-9]", "");
            BigDecimal value = new BigDecimal(digits);
            String unit = m.group(2);
            if (unit == null) {
                figures.add(value.toPlainString());
            } else if (unit.equals("%")) {
                figures.add(value.toPlainString() + "%");
            } else {
                figures.add(value.multiply(MULTIPLIERS.get(unit)).toPlainString());
            }
        }
        return figures;
    }
}
