package io.tollgate.engine.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public face: which schemes {@link CryptHash#check} accepts, and how it words a refusal. */
class CryptHashTest {
    private static final String SUPPORTED =
            "Tollgate verifies $1$ (MD5), $5$ (SHA-256) and $6$ (SHA-512) crypt hashes";

    @ParameterizedTest
    @ValueSource(strings = {
        "$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1",
        "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5",
        "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"})
    void supportedSchemesPassTheCheck(String hash) {
        assertThatCode(() -> CryptHash.check(hash)).doesNotThrowAnyException();
    }

    /** What {@code mkpasswd}, {@code htpasswd}, PHP or a modern /etc/shadow may hand an operator. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            $y$j9T$F5Jx5fExrKuPp53xLKQ..1$42RgPIrXdXSEEs77lDi/4IqKVqFBAVaHJkzw5uD1r57 | $y$ | yescrypt
            $gy$j9T$F5Jx5fExrKuPp53xLKQ..1$42RgPIrXdXSEEs77lDi/4IqKVqFBAVaHJkzw5uD1r57 | $gy$ | gost-yescrypt
            $7$CU..../....abcdefgh$0123456789 | $7$ | scrypt
            $2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy | $2a$ | bcrypt
            $2b$12$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy | $2b$ | bcrypt
            $2y$05$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy | $2y$ | bcrypt
            $apr1$xxxxxxxx$dxHfLAsjHkDRmG83UXe8K0 | $apr1$ | Apache MD5 from htpasswd, which HAProxy's crypt(3) does not verify either
            $md5,rounds=5000$GUBv0xjJ$$mSwgIswdjlTY0YxV7HBVm0 | $md5$ | Sun MD5
            $md5$GUBv0xjJ$$mSwgIswdjlTY0YxV7HBVm0 | $md5$ | Sun MD5
            $sha1$40000$jtNX3nZ2$hBNaIXkt4wBI2o5rsi8KejSjNqIq | $sha1$ | NetBSD SHA-1
            $3$$8846f7eaee8fb117ad06bdd830b7586c | $3$ | NT hash
            $argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG | $argon2id$ | Argon2
            $4$something$else | $4$ | -
            $pbkdf2-sha256$29000$N2ZM$abc | $pbkdf2-sha256$ | -
            """)
    void otherSchemesAreNamed(String hash, String id, String name) {
        assertThatThrownBy(() -> CryptHash.check(hash))
                .isInstanceOf(CryptHashException.class)
                .hasMessage("unsupported password hash scheme '" + id + "'" + (name == null ? "" : " (" + name + ")")
                        + "; " + SUPPORTED);
    }

    @Test
    void theDesShapesAreRecognised() {
        assertThatThrownBy(() -> CryptHash.check("xxj31ZMTZzkVA"))
                .hasMessage("unsupported password hash scheme: traditional DES crypt (13 characters without '$'); "
                        + SUPPORTED);
        assertThatThrownBy(() -> CryptHash.check("_J9..CCCCXBrJUJV154M"))
                .hasMessage("unsupported password hash scheme '_' (BSDi extended DES); " + SUPPORTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cat", "xxj31ZMTZzkV!", "_J9..CCCCXBrJUJV154", "*", "!", "*LK*"})
    void clearTextOrLockedIsNotAHash(String value) {
        assertThatThrownBy(() -> CryptHash.check(value))
                .isInstanceOf(CryptHashException.class)
                .hasMessage("not a crypt(3) password hash (it does not start with '$<id>$'; a clear-text password "
                        + "goes in 'insecure-password'); " + SUPPORTED);
    }

    @Test
    void emptyHash() {
        assertThatThrownBy(() -> CryptHash.check("")).hasMessage("empty password hash; " + SUPPORTED);
        assertThatThrownBy(() -> CryptHash.check(null)).hasMessage("empty password hash; " + SUPPORTED);
    }

    /** A value that may be a secret typed into the wrong place is not quoted back into a log. */
    @ParameterizedTest
    @ValueSource(strings = {"$", "$$", "$secret", "$my-secret-passphrase$", "$pa ss$x", "$été$x", "$1", "$1,x$y", "$6"})
    void oddIdsAreNotQuoted(String hash) {
        assertThatThrownBy(() -> CryptHash.check(hash))
                .isInstanceOf(CryptHashException.class)
                .hasMessage("unknown password hash scheme; " + SUPPORTED);
    }

    @Test
    void refusalsNeverRepeatTheHash() {
        String hash = "$6$k6y3o.eP$JlKBx9za966ud67q";
        assertThatThrownBy(() -> CryptHash.check(hash))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("k6y3o.eP").doesNotContain("JlKBx9za"));
    }

    @Test
    void matchesAStringAsUtf8() {
        CryptHash hash = CryptHash.parse("$6$Ab.9/z$TNY.5TXGupVOLQi0d69NRzwF3lJwwr67h8cZ0S3RfkIQStuai5PvlJMEiDpPp4"
                + "k4UfW6Yw9Wkht577aEkToko0");
        assertThat(hash.matches("päss wörd")).isTrue();
        assertThat(hash.matches("päss wörd".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
        assertThat(hash.matches("pass word")).isFalse();
    }
}
