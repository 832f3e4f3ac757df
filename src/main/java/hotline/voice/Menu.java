package hotline.voice;

import java.util.Arrays;
import java.util.Optional;

/** The menus a caller moves through after choosing a language; the name is how a step URL says where they are. */
public enum Menu {
    MAIN("main"),
    /** What trafficking is: the general definition, sex trafficking, labor trafficking. */
    ABOUT("about"),
    /** The resource lines, in pages when they do not fit on the keypad. */
    LINES("lines"),
    /** A line the caller chose is closed: hear its number, or be connected to the open line after it. */
    CLOSED("closed");

    private final String urlName;

    Menu(String urlName) {
        this.urlName = urlName;
    }

    public String urlName() {
        return urlName;
    }

    public static Optional<Menu> fromUrlName(String name) {
        return Arrays.stream(values()).filter(m -> m.urlName.equals(name)).findFirst();
    }
}
