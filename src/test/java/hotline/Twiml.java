package hotline;

import hotline.voice.TwimlParser;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

/** A TwiML answer, parsed, to be asked questions with XPath. */
public record Twiml(Document document) {
    public static Twiml of(String xml) {
        return new Twiml(TwimlParser.parse(xml));
    }

    /** The hotline's answer to the {@code index}th webhook of a call, counting from 0 for the incoming call. */
    public static Twiml answer(hotline.simulator.CallRecord call, int index) {
        return of(call.exchanges().get(index).body());
    }

    public List<String> strings(String xpath) {
        List<String> values = new ArrayList<>();
        NodeList nodes = nodes(xpath);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    public String string(String xpath) {
        List<String> values = strings(xpath);
        if (values.size() != 1) {
            throw new AssertionError("expected one match for " + xpath + " but found " + values);
        }
        return values.get(0);
    }

    public List<Element> elements(String xpath) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = nodes(xpath);
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Everything a caller would hear, in order, one line per {@code <Say>}. */
    public String spoken() {
        return String.join("\n", strings("//Say"));
    }

    private NodeList nodes(String xpath) {
        try {
            return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
