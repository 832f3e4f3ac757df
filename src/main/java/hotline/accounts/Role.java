package hotline.accounts;

import java.util.Arrays;
import java.util.Optional;

/** What an account may do: staff see dashboards; admins also edit content, publish and manage accounts. */
public enum Role {
    STAFF("staff"), ADMIN("admin");

    private final String stored;

    Role(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    public static Optional<Role> fromStored(String name) {
        return Arrays.stream(values()).filter(r -> r.stored.equals(name)).findFirst();
    }
}
