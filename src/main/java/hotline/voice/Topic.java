package hotline.voice;

import hotline.catalog.PromptKey;

import java.util.Arrays;
import java.util.Optional;

/** Spoken content from the brochure; after a topic the caller is back at the menu that offered it. */
public enum Topic {
    FACTS("facts", PromptKey.TOPIC_FACTS),
    WHAT_IS("what_is", PromptKey.TOPIC_WHAT_IS),
    SEX_TRAFFICKING("sex_trafficking", PromptKey.TOPIC_SEX_TRAFFICKING),
    LABOR_TRAFFICKING("labor_trafficking", PromptKey.TOPIC_LABOR_TRAFFICKING),
    SERVICES("services", PromptKey.TOPIC_SERVICES),
    REPORTING("reporting", PromptKey.TOPIC_REPORTING);

    private final String urlName;
    private final PromptKey segments;

    Topic(String urlName, PromptKey segments) {
        this.urlName = urlName;
        this.segments = segments;
    }

    public String urlName() {
        return urlName;
    }

    public PromptKey segments() {
        return segments;
    }

    public static Optional<Topic> fromUrlName(String name) {
        return Arrays.stream(values()).filter(t -> t.urlName.equals(name)).findFirst();
    }
}
