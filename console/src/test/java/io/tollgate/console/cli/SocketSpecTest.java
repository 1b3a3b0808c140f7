package io.tollgate.console.cli;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.SeverityOutput;
import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.Source;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code stats socket} line's address forms and options. */
class SocketSpecTest {

    private static SocketSpec spec(String... words) {
        return SocketSpec.parse(new Directive("stats", List.of(words), new Source("t.cfg", 2)));
    }

    @Test
    void aPathIsAUnixSocketAtOperatorLevelByDefault() {
        SocketSpec spec = spec("socket", "run/tollgate.sock");
        assertThat(spec.address()).isEqualTo(UnixDomainSocketAddress.of(Path.of("run/tollgate.sock")));
        assertThat(spec.level()).isEqualTo(AccessLevel.OPERATOR);
        assertThat(spec.mode()).isNull();
    }

    @Test
    void readsModeLevelOwnershipAndSeverityOutput() {
        SocketSpec spec = spec("socket", "/tmp/a.sock", "mode", "640", "uid", "0", "level", "admin", "gid", "12x",
                "severity-output", "number");
        assertThat(spec.mode()).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(spec.level()).isEqualTo(AccessLevel.ADMIN);
        assertThat(spec.owner()).as("numbers read as atoi reads them").isEqualTo(new SocketOwner(0, 12));
        assertThat(spec.severityOutput()).isEqualTo(SeverityOutput.NUMBER);
        assertThat(spec("socket", "/tmp/a.sock").owner()).isEqualTo(SocketOwner.UNCHANGED);
        assertThat(spec("socket", "/tmp/a.sock").severityOutput()).isEqualTo(SeverityOutput.NONE);
        assertThat(spec("socket", "/tmp/a.sock", "uid", "abc").owner()).isEqualTo(new SocketOwner(0, null));
    }

    @Test
    void namesAreLookedUpWhenRead() {
        assertThat(spec("socket", "/tmp/a.sock", "uid", "5", "user", "root").owner().user())
                .isInstanceOf(UserPrincipal.class).extracting(u -> ((UserPrincipal) u).getName()).isEqualTo("root");
        assertThatThrownBy(() -> spec("socket", "/tmp/a.sock", "user", "no-such-user-here"))
                .hasMessage("parsing [t.cfg:2] : 'stats socket' : ''user' : unknown user name 'no-such-user-here''");
        assertThatThrownBy(() -> spec("socket", "/tmp/a.sock", "severity-output", "loud"))
                .hasMessage("parsing [t.cfg:2] : 'stats socket' : ''severity-output' only supports 'none', 'number', "
                        + "and 'string' (got 'loud')'");
        assertThatThrownBy(() -> spec("socket", "/tmp/a.sock", "severity-output"))
                .hasMessage("parsing [t.cfg:2] : 'stats socket' : ''severity-output' : missing severity format'");
    }

    @Test
    void prefixedAddresses() {
        assertThat(spec("socket", "ipv4@127.0.0.1:9999").address()).isEqualTo(new InetSocketAddress("127.0.0.1", 9999));
        assertThat(spec("socket", "ipv6@[::1]:9999").address()).isEqualTo(new InetSocketAddress("::1", 9999));
        assertThat(spec("socket", "unix@x.sock").address()).isEqualTo(UnixDomainSocketAddress.of(Path.of("x.sock")));
    }

    @Test
    void refusesAnUnknownLevel() {
        assertThatThrownBy(() -> spec("socket", "/tmp/a.sock", "level", "root"))
                .hasMessageContaining("t.cfg").hasMessageContaining("'level' only supports");
    }
}
