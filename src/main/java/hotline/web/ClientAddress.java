package hotline.web;

import hotline.config.TrustedProxies;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who sent a request: the address it came from, or, when that is a trusted reverse proxy, the address the proxies
 * report in {@code X-Forwarded-For}. The header is read from the right, the end our own proxies wrote, and the
 * first address that is not a trusted proxy is the client; what a client wrote further left is never believed.
 */
public final class ClientAddress {
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    /** A client could send a header of any length; no proxy chain is longer than this. */
    private static final int MOST_HOPS = 20;

    private ClientAddress() {
    }

    public static String of(Context ctx, TrustedProxies proxies) {
        return of(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders(FORWARDED_FOR)), proxies);
    }

    /** @param forwardedFor every X-Forwarded-For header, in the order received */
    static String of(String remote, List<String> forwardedFor, TrustedProxies proxies) {
        Optional<InetAddress> current = TrustedProxies.literal(remote);
        if (proxies.isEmpty() || current.isEmpty() || !proxies.trusts(current.get())) {
            return printable(remote);
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = current.get();
        for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - MOST_HOPS && proxies.trusts(client); i--) {
            Optional<InetAddress> hop = TrustedProxies.literal(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                break; // our proxy wrote something that is no address: the request is its own, then
            }
            client = hop.get();
        }
        return client.getHostAddress();
    }

    /** {@code 203.0.113.9:5123} and {@code [2001:db8::1]:5123} as some proxies write them. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.contains("]")) {
            return hop.substring(1, hop.indexOf(']'));
        }
        if (hop.matches("[0-9.]+:[0-9]+")) {
            return hop.substring(0, hop.indexOf(':'));
        }
        return hop;
    }

    private static String printable(String address) {
        return address == null ? "" : address.replaceAll("[^0-9A-Fa-f:.\\[\\]%a-z]", "?");
    }
}
