package hotline.voice;

import hotline.catalog.Catalog;
import hotline.catalog.SpeechTime;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * About how long a piece of TwiML takes to hear: each {@code <Say>} as {@link SpeechTime} estimates it, plus
 * pauses, plus two seconds for each recording. An estimate to keep menus short, not a measurement.
 */
public final class SpokenLength {
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
            Element say = (Element) says.item(i);
            total += SpeechTime.seconds(say.getTextContent(), say.getAttribute("language"));
        }
        NodeList pauses = response.getElementsByTagName("Pause");
        for (int i = 0; i < pauses.getLength(); i++) {
            String length = ((Element) pauses.item(i)).getAttribute("length");
            total += length.isEmpty() ? 1 : Double.parseDouble(length);
        }
        total += response.getElementsByTagName("Play").getLength() * SECONDS_PER_RECORDING;
        return total;
    }
}
