package hotline.accounts;

/** Someone who signs in to the admin console or the dashboards. */
public record Account(long id, String name, Role role, String passwordHash, boolean mustChangePassword,
                      boolean disabled) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
