package org.tokendesk.notifier.webhook.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tells public unicast addresses from everything a webhook must not reach by default: loopback,
 * private, link-local, shared, multicast, reserved and documentation ranges, and IPv6 forms that
 * embed such an IPv4 address.
 */
public final class AddressClassifier {

    private static final List<Cidr> IPV4 = List.of(
            Cidr.of("0.0.0.0/8", "unspecified"),
            Cidr.of("10.0.0.0/8", "private"),
            Cidr.of("100.64.0.0/10", "carrier-grade NAT"),
            Cidr.of("127.0.0.0/8", "loopback"),
            Cidr.of("169.254.0.0/16", "link-local"),
            Cidr.of("172.16.0.0/12", "private"),
            Cidr.of("192.0.0.0/24", "IETF protocol assignment"),
            Cidr.of("192.0.2.0/24", "documentation"),
            Cidr.of("192.88.99.0/24", "6to4 relay anycast"),
            Cidr.of("192.168.0.0/16", "private"),
            Cidr.of("198.18.0.0/15", "benchmarking"),
            Cidr.of("198.51.100.0/24", "documentation"),
            Cidr.of("203.0.113.0/24", "documentation"),
            Cidr.of("224.0.0.0/4", "multicast"),
            Cidr.of("255.255.255.255/32", "broadcast"),
            Cidr.of("240.0.0.0/4", "reserved"));

    private static final List<Cidr> IPV6 = List.of(
            Cidr.of("::/128", "unspecified"),
            Cidr.of("::1/128", "loopback"),
            Cidr.of("::/96", "IPv4-compatible (deprecated)"),
            Cidr.of("64:ff9b:1::/48", "local-use NAT64"),
            Cidr.of("100::/64", "discard-only"),
            Cidr.of("2001::/32", "Teredo"),
            Cidr.of("2001:2::/48", "benchmarking"),
            Cidr.of("2001:10::/28", "ORCHID"),
            Cidr.of("2001:20::/28", "ORCHIDv2"),
            Cidr.of("2001:db8::/32", "documentation"),
            Cidr.of("3fff::/20", "documentation"),
            Cidr.of("fc00::/7", "unique local"),
            Cidr.of("fe80::/10", "link-local"),
            Cidr.of("fec0::/10", "site-local (deprecated)"),
            Cidr.of("ff00::/8", "multicast"));

    private AddressClassifier() {
    }

    /**
     * Why an address must not be connected to, if it must not.
     *
     * @param address a resolved address
     * @return the name of the blocked range it is in, or empty for a public unicast address
     */
    public static Optional<String> blockedRange(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return match(IPV4, b);
        }
        Optional<byte[]> embedded = embeddedIpv4(b);
        if (embedded.isPresent()) {
            return match(IPV4, embedded.get()).map(range -> range + " (embedded in IPv6)");
        }
        return match(IPV6, b);
    }

    /**
     * The IPv4 address that an IPv6 address stands for, where the IPv6 form routes to it:
     * IPv4-mapped {@code ::ffff:0:0/96}, IPv4-translated {@code ::ffff:0:0:0/96}, well-known NAT64
     * {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(Arrays.copyOfRange(b, 12, 16));
        }
        if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
            return Optional.of(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            return Optional.of(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(b, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> match(List<Cidr> ranges, byte[] address) {
        return ranges.stream().filter(r -> r.contains(address)).findFirst().map(Cidr::describe);
    }

    private record Cidr(byte[] prefix, int bits, String label, String text) {

        static Cidr of(String cidr, String label) {
            int slash = cidr.indexOf('/');
            try {
                // A literal is parsed without any name lookup.
                byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Cidr(prefix, Integer.parseInt(cidr.substring(slash + 1)), label, cidr);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address literal: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }

        String describe() {
            return label + " " + text;
        }
    }
}
