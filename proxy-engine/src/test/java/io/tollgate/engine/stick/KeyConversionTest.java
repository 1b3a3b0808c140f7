package io.tollgate.engine.stick;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Samples becoming keys, per table type. The expectations on text samples were checked by
 * tracking request headers in HAProxy 2.6.12 and reading {@code show table}.
 */
class KeyConversionTest {
    private final ManualClock clock = new ManualClock();

    /** How {@code show table} prints the key. */
    private String keyText(StickTable table, StickKey key) {
        table.acquire(key).release();
        String dump = table.dump(entry -> entry.key().equals(key));
        return dump.substring(dump.indexOf("key=") + 4, dump.indexOf(" use="));
    }

    @Test
    void ipTablesTakeIpv4TextAddressesAndIntegers() throws UnknownHostException {
        StickTable ip = Tables.table("type ip size 10", clock);

        assertThat(ip.keyOf("1.2.3.7")).isEqualTo(ip.keyOf(InetAddress.getByName("1.2.3.7")));
        assertThat(ip.keyOf(0x01020307L)).isEqualTo(ip.keyOf("1.2.3.7"));
        assertThat(keyText(ip, ip.keyOf("01.2.3.8"))).isEqualTo("1.2.3.8");
    }

    @Test
    void ipTablesRefuseIpv6ExceptMappedAddresses() throws UnknownHostException {
        StickTable ip = Tables.table("type ip size 10", clock);

        assertThat(ip.keyOf("2001:db8::2")).isNull();
        // As text even a mapped address is refused (str -> ipv4 is buf2ip only)...
        assertThat(ip.keyOf("::ffff:1.2.3.6")).isNull();
        // ...but an IPv6 address sample that is IPv4-mapped becomes its IPv4 address (v6tov4).
        InetAddress mapped = InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 1, 2, 3, 6});
        assertThat(ip.keyOf(mapped)).isEqualTo(ip.keyOf("1.2.3.6"));
        assertThat(ip.keyOf(InetAddress.getByName("2001:db8::2"))).isNull();
        assertThat(ip.acquire(ip.keyOf("2001:db8::2"))).isNull();
    }

    @Test
    void ipv6TablesMapIpv4AddressesButNotIpv4Text() throws UnknownHostException {
        StickTable v6 = Tables.table("type ipv6 size 10", clock);

        assertThat(keyText(v6, v6.keyOf(InetAddress.getByName("1.2.3.10")))).isEqualTo("::ffff:1.2.3.10");
        assertThat(v6.keyOf("::ffff:1.2.3.10")).isEqualTo(v6.keyOf(InetAddress.getByName("1.2.3.10")));
        assertThat(keyText(v6, v6.keyOf("2001:DB8:0::1"))).isEqualTo("2001:db8::1");
        // inet_pton(AF_INET6) refuses "1.2.3.4": HAProxy does not track it in an ipv6 table.
        assertThat(v6.keyOf("1.2.3.4")).isNull();
        assertThat(v6.keyOf(0x01020304L)).isEqualTo(v6.keyOf("::ffff:1.2.3.4"));
    }

    @Test
    void integerTablesKeepTheLow32BitsOfWhateverNumberTheTextStartsWith() throws UnknownHostException {
        StickTable integer = Tables.table("type integer size 10", clock);

        assertThat(keyText(integer, integer.keyOf("-1"))).isEqualTo("4294967295");
        assertThat(keyText(integer, integer.keyOf("4294967297"))).isEqualTo("1");
        assertThat(keyText(integer, integer.keyOf("12abc"))).isEqualTo("12");
        assertThat(keyText(integer, integer.keyOf("abc"))).isEqualTo("0");
        assertThat(integer.keyOf("")).isNull();
        assertThat(integer.keyOf("+7")).isEqualTo(integer.keyOf(7));
        assertThat(integer.keyOf(InetAddress.getByName("0.0.1.2"))).isEqualTo(integer.keyOf(258));
        assertThat(integer.keyOf(InetAddress.getByName("::1"))).isNull();
    }

    @Test
    void stringTablesTruncateToTheKeyLengthInBytes() throws UnknownHostException {
        StickTable byDefault = Tables.table("type string size 10", clock);
        StickTable five = Tables.table("type string len 5 size 10", clock);

        assertThat(keyText(byDefault, byDefault.keyOf("0123456789012345678901234567890123456789")))
                .isEqualTo("0123456789012345678901234567890");
        assertThat(keyText(five, five.keyOf("abcdefgh"))).isEqualTo("abcde");
        assertThat(five.keyOf("abcde")).isEqualTo(five.keyOf("abcdexyz"));
        assertThat(five.keyOf("ab\0cd")).isEqualTo(five.keyOf("ab"));
        assertThat(five.keyOf(-42)).isEqualTo(five.keyOf("-42"));
        assertThat(byDefault.keyOf(InetAddress.getByName("2001:db8:0:0:0:0:0:1"))).isEqualTo(byDefault.keyOf("2001:db8::1"));
        assertThat(five.keyOf("café").bytes()).isEqualTo("café".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void binaryTablesPadWithZerosAndTruncate() throws UnknownHostException {
        StickTable binary = Tables.table("type binary len 4 size 10", clock);

        assertThat(keyText(binary, binary.keyOf("ab"))).isEqualTo("61620000");
        assertThat(keyText(binary, binary.keyOf("abcdefgh"))).isEqualTo("61626364");
        // Zero padding makes these one key, as in HAProxy.
        assertThat(binary.keyOf("ab\0")).isEqualTo(binary.keyOf("ab"));
        assertThat(binary.keyOf(InetAddress.getByName("1.2.3.4")).bytes()).containsExactly(1, 2, 3, 4);
        StickTable wide = Tables.table("type binary size 10", clock);
        assertThat(wide.keyOf(258).bytes()).containsExactly(0, 0, 0, 0, 0, 0, 1, 2);
    }

    @Test
    void aNullKeyIsNeitherFoundNorCreated() {
        StickTable ip = Tables.table("type ip size 10", clock);

        assertThat(ip.lookup(null)).isNull();
        assertThat(ip.acquire(null)).isNull();
        assertThat(ip.remove(null)).isFalse();
        assertThat(ip.used()).isZero();
    }
}
