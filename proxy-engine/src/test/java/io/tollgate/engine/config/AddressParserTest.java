package io.tollgate.engine.config;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** bind/server address forms and errors, with HAProxy 2.6's messages (checked with haproxy -c). */
class AddressParserTest {

    private static List<HostPort> bind(String text) throws KeywordException {
        return AddressParser.parse(text, AddressParser.Use.BIND).hostPorts();
    }

    private static HostPort server(String text) throws KeywordException {
        return AddressParser.parse(text, AddressParser.Use.SERVER).hostPorts().get(0);
    }

    @ParameterizedTest(name = "bind {0} -> [{1}]:{2}")
    @CsvSource({"1.2.3.4:80, 1.2.3.4, 80", "*:80, '', 80", ":80, '', 80", "[::]:80, ::, 80", ":::80, ::, 80",
        "[::1]:8443, ::1, 8443", "::1:8446, ::1, 8446", "ipv4@:80, '', 80", "ipv6@:8443, ::, 8443",
        "ipv4@127.0.0.1:81, 127.0.0.1, 81", "localhost:80, localhost, 80", "[127.0.0.1]:80, 127.0.0.1, 80"})
    void bindAddresses(String text, String host, int port) throws KeywordException {
        assertThat(bind(text)).containsExactly(new HostPort(host, port));
    }

    @Test
    void portRangesGiveOneAddressPerPort() throws KeywordException {
        assertThat(bind("10.0.0.1:8000-8002")).containsExactly(new HostPort("10.0.0.1", 8000),
                new HostPort("10.0.0.1", 8001), new HostPort("10.0.0.1", 8002));
    }

    @Test
    void unixSockets() throws KeywordException {
        assertThat(AddressParser.parse("/run/x.sock", AddressParser.Use.BIND).unixPath()).isEqualTo("/run/x.sock");
        assertThat(AddressParser.parse("unix@/run/y.sock", AddressParser.Use.SERVER).unixPath()).isEqualTo("/run/y.sock");
    }

    @ParameterizedTest(name = "bind {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "1.2.3:80 | invalid address: '1.2.3' in '1.2.3:80'",
        "300.1.1.1:80 | invalid address: '300.1.1.1' in '300.1.1.1:80'",
        "1.2.3.4:70000 | invalid port '70000'",
        "1.2.3.4:0 | invalid port '0'",
        "1.2.3.4 | missing port specification in '1.2.3.4'",
        ":80-70 | invalid port range '80-70'",
        ":abc | invalid character 'a' in port number 'abc' in ':abc'",
        "mptcp@[::]:5000 | invalid address: 'mptcp@[::]' in 'mptcp@[::]:5000'",
        "udp@:80 | dgram-type address not acceptable in 'udp@:80'",
        "quic4@:443 | unsupported stream protocol for datagram family 2 address 'quic4@:443'; QUIC is not compiled in if this is what you were looking for.",
        "[1.2.3]:80 | invalid address: '[1.2.3]' in '[1.2.3]:80'",
        "fd@3 | 'fd@' addresses are not supported yet by Tollgate",
    })
    void badBindAddresses(String text, String message) {
        assertThatThrownBy(() -> bind(text)).hasMessage(message);
    }

    @Test
    void serverPortsAreOptionalAndHostNamesAreNotResolved() throws KeywordException {
        assertThat(server("10.0.0.1")).isEqualTo(new HostPort("10.0.0.1", 0));
        assertThat(server("db.internal.example:5432")).isEqualTo(new HostPort("db.internal.example", 5432));
        assertThat(server("no-such-host.invalid:80")).isEqualTo(new HostPort("no-such-host.invalid", 80));
        assertThat(server("[fd00:6:48:c85:deb:f:62:4]:80")).isEqualTo(new HostPort("fd00:6:48:c85:deb:f:62:4", 80));
        assertThat(server("ipv6@[::1]")).isEqualTo(new HostPort("::1", 0));
        assertThat(server("*:9900")).isEqualTo(new HostPort("", 9900));
    }

    @Test
    void badServerAddresses() {
        assertThatThrownBy(() -> server("1.2.3.4:80-90")).hasMessage("port range not permitted here in '1.2.3.4:80-90'");
        assertThatThrownBy(() -> server("1.2.3.4:99999")).hasMessage("invalid port '99999'");
        assertThatThrownBy(() -> server("1.2.3.4:+1")).hasMessage("port offsets ('+1') are not supported yet by Tollgate");
        assertThatThrownBy(() -> server("bad host:80")).hasMessage("invalid address: 'bad host' in 'bad host:80'");
    }

    @Test
    void ipLiterals() {
        assertThat(AddressParser.isIpv4("255.255.255.255")).isTrue();
        assertThat(AddressParser.isIpv4("1.2.3.256")).isFalse();
        assertThat(AddressParser.isIpv6("::")).isTrue();
        assertThat(AddressParser.isIpv6("2001:db8::1")).isTrue();
        assertThat(AddressParser.isIpv6("::ffff:10.0.0.1")).isTrue();
        assertThat(AddressParser.isIpv6("1:2:3:4:5:6:7:8")).isTrue();
        assertThat(AddressParser.isIpv6("1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(AddressParser.isIpv6("1::2::3")).isFalse();
        assertThat(AddressParser.isIpv6("12345::")).isFalse();
    }
}
