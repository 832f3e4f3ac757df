package hotline.simulator;

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

/** Parses TwiML as Twilio would refuse it: well-formed XML with a {@code <Response>} root, no DTDs. */
public final class TwimlParser {
    private TwimlParser() {
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            if (!document.getDocumentElement().getTagName().equals("Response")) {
                throw new SimulationException("TwiML root is <" + document.getDocumentElement().getTagName() + ">, not <Response>");
            }
            return document;
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new SimulationException("the answer is not well-formed XML: " + e.getMessage());
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
