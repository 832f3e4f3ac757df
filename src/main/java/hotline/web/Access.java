package hotline.web;

import io.javalin.security.RouteRole;

/**
 * Who may use a route. Every route declares exactly one; a route that declares none is refused to everyone
 * (see {@link AccessRules}), so a new page is never public by accident.
 */
public enum Access implements RouteRole {
    /** Anyone: the sign-in page, health, audio Twilio fetches by its unguessable name. */
    ANYONE,
    /** Twilio only: every request must carry a valid X-Twilio-Signature. */
    TWILIO,
    /** The monitoring system: the metrics token (or, in local mode, this machine). */
    MONITORING,
    /** Anyone signed in, even before they replace a one-time password: signing out, changing one's password. */
    SIGNED_IN,
    /** Staff and admins: the dashboards. */
    STAFF,
    /** Admins only: what callers hear, and accounts. */
    ADMIN
}
