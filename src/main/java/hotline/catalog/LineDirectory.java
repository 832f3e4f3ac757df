package hotline.catalog;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The checked contents of {@code lines.yaml}. */
record LineDirectory(List<ResourceLine> lines, ZoneId timeZone, String hotlineLineId, List<String> speakNowOrder,
                     int dialTimeoutSeconds, Optional<Catalog.Whisper> whisper) {
}
