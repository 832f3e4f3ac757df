package hotline.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code HOTLINE_TRUSTED_PROXIES}): addresses and
 * CIDR ranges, IPv4 or IPv6. Anyone else could write any address into that header, so from anyone else it is
 * ignored. By default no proxy is trusted: every request is from the address it came from.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** A network: its address bytes and how many leading bits count. */
    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Reads a comma-separated list such as {@code 10.0.0.5, 192.168.0.0/16, ::1}.
     *
     * @throws IllegalArgumentException naming the entry that is neither an address nor a range
     */
    public static TrustedProxies parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : text.split(",")) {
            String trimmed = entry.strip();
            String[] parts = trimmed.split("/", -1);
            Optional<InetAddress> address = parts.length <= 2 ? literal(parts[0]) : Optional.empty();
            if (address.isEmpty()) {
                throw new IllegalArgumentException("\"" + trimmed + "\" is not an IP address or a range like 10.0.0.0/8");
            }
            int max = address.get().getAddress().length * 8;
            int bits = max;
            if (parts.length == 2) {
                bits = parts[1].matches("[0-9]{1,3}") ? Integer.parseInt(parts[1]) : -1;
                if (bits < 0 || bits > max) {
                    throw new IllegalArgumentException("\"" + trimmed + "\" has a prefix length outside 0 to " + max);
                }
            }
            ranges.add(new Range(address.get().getAddress(), bits));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        byte[] bytes = address.getAddress();
        return ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    /**
     * An IP address written as digits (IPv4, or IPv6 with or without brackets), never looked up by name: a header
     * or a setting must not make the hotline ask DNS anything.
     */
    public static Optional<InetAddress> literal(String text) {
        String candidate = text == null ? "" : text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        boolean ipv4 = candidate.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6 = candidate.contains(":") && candidate.matches("[0-9A-Fa-f:.]{2,45}");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
