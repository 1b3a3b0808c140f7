package io.tollgate.engine.stick;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** Address text as HAProxy's C reads and prints it, not as {@code InetAddress} does. */
class AddressTextTest {
    @Test
    void buf2ipTakesADottedQuadAndIgnoresWhatFollows() {
        assertThat(AddressText.ipv4("10.0.0.1")).containsExactly(10, 0, 0, 1);
        assertThat(AddressText.ipv4("01.2.3.8")).containsExactly(1, 2, 3, 8);
        // Checked with HAProxy 2.6.12: "1.2.3.9x" from a header tracks 1.2.3.9.
        assertThat(AddressText.ipv4("1.2.3.9x")).containsExactly(1, 2, 3, 9);
        assertThat(AddressText.ipv4("1.2.3.4:80")).containsExactly(1, 2, 3, 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.", "1.2.3.4.5", "256.1.1.1", "1..2.3", ".1.2.3.4", "::ffff:1.2.3.4",
            "2001:db8::1", "x1.2.3.4"})
    void notIpv4(String text) {
        assertThat(AddressText.ipv4(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "::, ::",
            "::1, ::1",
            "2001:db8::1, 2001:db8::1",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "::ffff:1.2.3.4, ::ffff:1.2.3.4",
            "::ffff:0102:0304, ::ffff:1.2.3.4",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
            "fe80::, fe80::",
            "::1.2.3.4, ::1.2.3.4",
            "64:ff9b::1.2.3.4, 64:ff9b::102:304"})
    void inetPtonThenInetNtop(String text, String printed) {
        byte[] bytes = AddressText.ipv6(text);

        assertThat(bytes).hasSize(16);
        assertThat(AddressText.format(bytes)).isEqualTo(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3.4", ":1::", "1:::2", "1::2::3", "12345::", "[::1]", "fe80::1%eth0", "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1.2.3", "::01.2.3.4", "::1.2.3.4.5", "1:", "g::"})
    void notIpv6(String text) {
        assertThat(AddressText.ipv6(text)).isNull();
    }

    @Test
    void parsingAgreesWithTheJdkOnValidAddresses() throws UnknownHostException {
        for (String text : new String[] {"::", "::1", "2001:db8:85a3::8a2e:370:7334", "fe80::1:2", "1:2:3:4:5:6:7:8"}) {
            assertThat(AddressText.ipv6(text)).as(text).isEqualTo(InetAddress.getByName(text).getAddress());
        }
    }
}
