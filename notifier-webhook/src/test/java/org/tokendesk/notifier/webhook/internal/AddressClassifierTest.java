package org.tokendesk.notifier.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is blocked as {1}")
    @CsvSource({
        "0.0.0.0, unspecified", "0.1.2.3, unspecified",
        "10.0.0.1, private", "10.255.255.255, private",
        "100.64.0.1, carrier-grade NAT", "100.127.255.254, carrier-grade NAT",
        "127.0.0.1, loopback", "127.1.2.3, loopback",
        "169.254.169.254, link-local",
        "172.16.0.1, private", "172.31.255.255, private",
        "192.0.0.8, IETF protocol assignment",
        "192.0.2.10, documentation", "198.51.100.7, documentation", "203.0.113.9, documentation",
        "192.88.99.1, 6to4 relay anycast",
        "192.168.1.1, private",
        "198.18.0.1, benchmarking", "198.19.255.255, benchmarking",
        "224.0.0.251, multicast", "239.255.255.250, multicast",
        "240.0.0.1, reserved", "255.255.255.254, reserved",
        "255.255.255.255, broadcast",
        "'::', unspecified", "'::1', loopback",
        "'::7f00:1', IPv4-compatible", "'::8.8.8.8', IPv4-compatible",
        "'::ffff:0:10.1.2.3', private", "'::ffff:0:127.0.0.1', loopback",
        "'64:ff9b::10.0.0.1', private", "'64:ff9b::7f00:1', loopback", "'64:ff9b::a9fe:a9fe', link-local",
        "'64:ff9b:1::1', local-use NAT64",
        "'2002:7f00:1::', loopback", "'2002:c0a8:101::1', private",
        "'100::1', discard-only",
        "'2001::1', Teredo", "'2001:0:4136:e378::1', Teredo",
        "'2001:2::1', benchmarking", "'2001:10::1', ORCHID", "'2001:20::1', ORCHIDv2",
        "'2001:db8::1', documentation", "'3fff::1', documentation",
        "'fc00::1', unique local", "'fd12:3456::1', unique local",
        "'fe80::1', link-local", "'febf:ffff::1', link-local",
        "'fec0::1', site-local",
        "'ff02::1', multicast", "'ff05::2', multicast",
    })
    void every_non_public_range_is_blocked(String address, String range) throws Exception {
        Optional<String> blocked = AddressClassifier.blockedRange(InetAddress.getByName(address));

        assertTrue(blocked.isPresent(), address + " must be blocked");
        assertTrue(blocked.get().startsWith(range), address + " was classified as " + blocked.get());
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {
        "8.8.8.8", "1.1.1.1", "93.184.216.34", "9.255.255.255", "11.0.0.0",
        "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0",
        "172.15.255.255", "172.32.0.0", "192.0.1.255", "192.0.3.0", "192.167.255.255", "192.169.0.0",
        "198.17.255.255", "198.20.0.0", "223.255.255.255",
        "2606:4700:4700::1111", "2a00:1450:4001:82b::200e", "2001:4860:4860::8888",
        "64:ff9b::808:808", "2002:808:808::1", "fbff:ffff::1", "fe00::1",
    })
    void public_addresses_are_allowed(String address) throws Exception {
        assertEquals(Optional.empty(), AddressClassifier.blockedRange(InetAddress.getByName(address)));
    }

    @ParameterizedTest(name = "::ffff:{0} is judged as {0}")
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "192.168.0.1", "0.0.0.0", "8.8.8.8"})
    void ipv4_mapped_ipv6_addresses_are_judged_by_the_embedded_ipv4_address(String ipv4) throws Exception {
        byte[] v4 = InetAddress.getByName(ipv4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        // Inet6Address.getByAddress keeps the IPv6 form that InetAddress.getByName would turn into IPv4.
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertEquals(16, address.getAddress().length);
        assertEquals(AddressClassifier.blockedRange(InetAddress.getByName(ipv4)).isPresent(),
                AddressClassifier.blockedRange(address).isPresent());
        assertEquals(AddressClassifier.blockedRange(InetAddress.getByName("::ffff:" + ipv4)).isPresent(),
                AddressClassifier.blockedRange(address).isPresent());
    }
}
