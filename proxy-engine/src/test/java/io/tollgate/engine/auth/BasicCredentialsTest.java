package io.tollgate.engine.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading {@code Authorization: Basic} header values, well-formed and not. */
class BasicCredentialsTest {

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(byte[] userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword);
    }

    @Test
    void userAndPassword() {
        BasicCredentials credentials = BasicCredentials.parse("Basic YWxhZGRpbjpvcGVuc2VzYW1l");
        assertThat(credentials.user()).isEqualTo("aladdin");
        assertThat(credentials.password()).isEqualTo("opensesame");
        assertThat(credentials.passwordBytes()).isEqualTo("opensesame".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "basic YWxhZGRpbjpvcGVuc2VzYW1l",
        "BASIC YWxhZGRpbjpvcGVuc2VzYW1l",
        "bAsIc YWxhZGRpbjpvcGVuc2VzYW1l",
        "Basic    YWxhZGRpbjpvcGVuc2VzYW1l",
        "  Basic YWxhZGRpbjpvcGVuc2VzYW1l  ",
        "Basic\tYWxhZGRpbjpvcGVuc2VzYW1l\t",
        " \t Basic \t YWxhZGRpbjpvcGVuc2VzYW1l"})
    void schemeIgnoresCaseAndBlanksAreTolerated(String header) {
        BasicCredentials credentials = BasicCredentials.parse(header);
        assertThat(credentials).isNotNull();
        assertThat(credentials.user()).isEqualTo("aladdin");
        assertThat(credentials.password()).isEqualTo("opensesame");
    }

    @Test
    void thePasswordIsEverythingAfterTheFirstColon() {
        assertThat(BasicCredentials.parse(basic("user:pa:ss:")).password()).isEqualTo("pa:ss:");
        assertThat(BasicCredentials.parse(basic("user:")).password()).isEmpty();
        BasicCredentials noUser = BasicCredentials.parse(basic(":secret"));
        assertThat(noUser.user()).isEmpty();
        assertThat(noUser.password()).isEqualTo("secret");
        assertThat(BasicCredentials.parse(basic("user: spaced out ")).password()).isEqualTo(" spaced out ");
    }

    @Test
    void unpaddedBase64IsAccepted() {
        // "user:pw" is 7 bytes: base64 "dXNlcjpwdw==" without its padding
        BasicCredentials credentials = BasicCredentials.parse("Basic dXNlcjpwdw");
        assertThat(credentials.user()).isEqualTo("user");
        assertThat(credentials.password()).isEqualTo("pw");
    }

    @Test
    void utf8UserAndPassword() {
        BasicCredentials credentials = BasicCredentials.parse(basic("jösé:päss wörd"));
        assertThat(credentials.user()).isEqualTo("jösé");
        assertThat(credentials.password()).isEqualTo("päss wörd");
    }

    /** A browser on a Latin-1 page may send ISO-8859-1; the bytes reach the hash unchanged. */
    @Test
    void aPasswordThatIsNotUtf8KeepsItsBytes() {
        byte[] raw = "bob:été".getBytes(StandardCharsets.ISO_8859_1);
        BasicCredentials credentials = BasicCredentials.parse(basic(raw));
        assertThat(credentials.user()).isEqualTo("bob");
        assertThat(credentials.passwordBytes()).isEqualTo("été".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(credentials.password()).isEqualTo("\uFFFDt\uFFFD");
    }

    @Test
    void aUserNameThatIsNotUtf8IsRefused() {
        assertThat(BasicCredentials.parse(basic("jösé:pw".getBytes(StandardCharsets.ISO_8859_1)))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "Basic",
        "Basic ",
        "Basic\t ",
        "Basic:YWxhZGRpbjpvcGVuc2VzYW1l",
        "BasicYWxhZGRpbjpvcGVuc2VzYW1l",
        "Basics YWxhZGRpbjpvcGVuc2VzYW1l",
        "Bearer YWxhZGRpbjpvcGVuc2VzYW1l",
        "Digest username=\"aladdin\", realm=\"x\"",
        "YWxhZGRpbjpvcGVuc2VzYW1l",
        "Basic YWxhZGRpbjpvcGVuc2VzYW1l YWxhZGRpbjpvcGVuc2VzYW1l",
        "Basic YWxhZGRp bjpvcGVuc2VzYW1l",
        "Basic realm=\"x\"",
        "Basic !!!!",
        "Basic YWxhZGRpbjpvcGVuc2VzYW1l=",
        "Basic YWxhZGRpbjpvcGVuc2VzYW1l===",
        "Basic dXNlcg==",
        "Basic dXNlcjpw-_8",
        "BASİC YWxhZGRpbjpvcGVuc2VzYW1l",
        "Baſic YWxhZGRpbjpvcGVuc2VzYW1l"})
    void malformedHeadersGiveNull(String header) {
        assertThat(BasicCredentials.parse(header)).isNull();
    }

    @Test
    void absentHeaderGivesNull() {
        assertThat(BasicCredentials.parse(null)).isNull();
    }

    @Test
    void thePasswordStaysOutOfToStringAndCannotBeChangedFromOutside() {
        BasicCredentials credentials = BasicCredentials.parse("Basic YWxhZGRpbjpvcGVuc2VzYW1l");
        assertThat(credentials.toString()).contains("aladdin").doesNotContain("opensesame");
        credentials.passwordBytes()[0] = 'X';
        assertThat(credentials.password()).isEqualTo("opensesame");
    }
}
