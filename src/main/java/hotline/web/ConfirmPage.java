package hotline.web;

import java.util.List;
import java.util.Map;

/**
 * A page that asks before doing something that cannot be undone with one click, naming what would be lost. It needs no
 * JavaScript: the form on it sends the request; "Cancel" goes back.
 *
 * @param losing what the action throws away or replaces, each with its detail; empty when nothing is lost
 * @param hidden fields the form sends as they are
 */
public record ConfirmPage(Frame frame, String heading, String lead, String losingTitle, List<Loss> losing, String action,
                          Map<String, String> hidden, String confirmLabel, boolean danger, String cancelHref) {

    /** One thing that would be lost: its name, and what it says now. */
    public record Loss(String title, String detail) {
    }
}
