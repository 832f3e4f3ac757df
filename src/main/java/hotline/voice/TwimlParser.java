package hotline.voice;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * Reads TwiML as strictly as Twilio does: well-formed XML 1.0 with a {@code <Response>} root, no DTDs. Publish
 * reads every answer of new content this way before callers can hear it; the simulator and the preview read with it.
 */
public final class TwimlParser {
    /** An answer Twilio could not follow. */
    public static final class NotTwimlException extends IllegalArgumentException {
        NotTwimlException(String message) {
            super(message);
        }
    }

    private TwimlParser() {
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            if (!document.getDocumentElement().getTagName().equals("Response")) {
                throw new NotTwimlException("TwiML root is <" + document.getDocumentElement().getTagName() + ">, not <Response>");
            }
            return document;
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new NotTwimlException("the answer is not well-formed XML: " + e.getMessage());
        }
    }

    /** The verbs inside a TwiML element, in order, without the text between them. */
    public static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
