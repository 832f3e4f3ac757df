package hotline.cli;

import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogValidator;
import hotline.content.ContentStore;
import hotline.db.Database;
import hotline.voice.FallbackTwiml;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code scripts/hotline fallback-twiml}: prints the fallback of the published version in the database, to paste
 * into a TwiML Bin. The document goes to standard output, alone, so it can be piped or copied whole; what it is
 * and what to do next go to standard error. Changes nothing.
 */
public final class FallbackCommand {
    public static final String NAME = "fallback-twiml";

    private FallbackCommand() {
    }

    public static int run(Database database, PrintStream out, PrintStream err) {
        ContentStore store = new ContentStore(database, Clock.systemUTC());
        Optional<ContentStore.Version> live = store.latest();
        if (live.isEmpty()) {
            err.println("Nothing is published yet in " + database + ": start the hotline once (scripts/run, or the "
                    + "service), which publishes the first version, then run this again.");
            return 2;
        }
        CatalogSource content = store.content(live.get().id()).orElseThrow();
        CatalogCheck check = CatalogValidator.checkPublished(content);
        if (!check.ok()) {
            err.println("The published version " + live.get().label() + " lacks texts this release of the hotline needs: "
                    + "start the hotline once, which adds them as a new version, then run this again.");
            return 2;
        }
        FallbackTwiml fallback = FallbackTwiml.of(check.catalog().orElseThrow().withVersion(live.get().label()));
        out.print(fallback.template());
        out.flush();
        err.println("Fallback " + fallback.fingerprint() + " of " + live.get().label() + ", spoken in "
                + fallback.spoken().stream().map(l -> l.name()).collect(Collectors.joining(", "))
                + (fallback.skipped().isEmpty() ? "" : "; left out (recordings only): "
                + fallback.skipped().stream().map(l -> l.name()).collect(Collectors.joining(", "))) + ".");
        err.println("Paste all of it into the TwiML Bin that is the number's voice fallback URL, then press \"I have "
                + "pasted it\" on the admin console's fallback page (/admin/fallback).");
        return 0;
    }
}
