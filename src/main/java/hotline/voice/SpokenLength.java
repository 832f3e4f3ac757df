package hotline.voice;

import hotline.catalog.Catalog;
import hotline.simulator.TwimlParser;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * About how long a piece of TwiML takes to hear: by the words of each {@code <Say>} (Latin and similar scripts),
 * or its characters (Chinese, Japanese, Korean), at usual text-to-speech rates, plus pauses, plus two seconds for
 * each recording. An estimate to keep menus short, not a measurement.
 */
public final class SpokenLength {
    static final double SECONDS_PER_WORD = 0.4;
    static final double SECONDS_PER_SYLLABLE_CHARACTER = 0.24;
    static final double SECONDS_PER_RECORDING = 2.0;

    private SpokenLength() {
    }

    /** How long the language menu takes to hear once. */
    public static double languageMenu(Catalog catalog, StepUrls urls) {
        return seconds(new CallFlow(urls).incoming(catalog).twiml().toXml());
    }

    static double seconds(String twiml) {
        Element response = TwimlParser.parse(twiml).getDocumentElement();
        double total = 0;
        NodeList says = response.getElementsByTagName("Say");
        for (int i = 0; i < says.getLength(); i++) {
            total += text(says.item(i).getTextContent());
        }
        NodeList pauses = response.getElementsByTagName("Pause");
        for (int i = 0; i < pauses.getLength(); i++) {
            String length = ((Element) pauses.item(i)).getAttribute("length");
            total += length.isEmpty() ? 1 : Double.parseDouble(length);
        }
        total += response.getElementsByTagName("Play").getLength() * SECONDS_PER_RECORDING;
        return total;
    }

    static double text(String text) {
        long syllableCharacters = text.codePoints().filter(SpokenLength::isSyllableCharacter).count();
        String rest = text.codePoints().filter(c -> !isSyllableCharacter(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        long words = rest.isBlank() ? 0 : rest.strip().split("[\\s,.;:!?，。、]+").length;
        return syllableCharacters * SECONDS_PER_SYLLABLE_CHARACTER + words * SECONDS_PER_WORD;
    }

    private static boolean isSyllableCharacter(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }
}
