package io.tollgate.engine.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MD5-crypt against hashes made with {@code openssl passwd -1 -salt ...} and libxcrypt's crypt(3)
 * (Perl's {@code crypt}) on a Linux box; copied here, nothing runs at test time.
 */
class Md5CryptTest {

    /**
     * Includes an empty salt, an empty password, lengths either side of MD5's 16 bytes (the block
     * loop), and a password long enough for several blocks.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hello world! | $1$saltstri$YMyguxXMBpd2TEZ.vS/3q1
            password | $1$xxxxxxxx$UYCIxa628.9qXjpQCjM4a.
            password | $1$$I2o9Z7NcvQAKp7wyCTlia0
            ''| $1$abc$Or2rbeUYTvt12aiVzMuS/.
            zzzzzzzzzzzzzzz | $1$boundary$PcuO8PybWoIeyuboOHDR00
            zzzzzzzzzzzzzzzz | $1$boundary$0W1FTq0r06VPaLa8mhD520
            zzzzzzzzzzzzzzzzz | $1$boundary$AuEP6Nm1w4ZmH4xC3i1YC1
            a password that is longer than sixteen bytes for md5 block loop, more than 32 even | $1$Ab.9/z$Av7RIiAzu5/nT6z8RrxYo1
            pw | $1$longersa$56gIzzQaS8V0415PlOu/50
            """)
    void knownHashes(String password, String hash) {
        CryptHash stored = CryptHash.parse(hash);
        assertThat(stored.matches(password)).isTrue();
        assertThat(stored.matches(password + "x")).isFalse();
        assertThat(stored.matches(password.toUpperCase())).isEqualTo(password.equals(password.toUpperCase()));
    }

    @Test
    void schemeAndFixedRounds() {
        CryptHash stored = CryptHash.parse("$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1");
        assertThat(stored.scheme()).isEqualTo("$1$ (MD5)");
        assertThat(stored.rounds()).isEqualTo(1000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            $1$ | there is no '$' between the salt and the hash
            $1$saltonly | there is no '$' between the salt and the hash
            $1$longersaltthan8$56gIzzQaS8V0415PlOu/50 | the salt has 15 characters, more than 8
            $1$saltstri$YMyguxXMBpd2TEZ.vS/3q | the hash after the salt has 21 characters instead of 22
            $1$saltstri$YMyguxXMBpd2TEZ.vS/3q1$ | the hash after the salt has 23 characters instead of 22
            $1$saltstri$YMyguxXMBpd2TEZ-vS/3q1 | the hash's character 16 is not one of ./0-9A-Za-z
            $1$rounds=1000$saltstri$YMyguxXMBpd2TEZ.vS/3q1 | the salt has 11 characters, more than 8
            """)
    void malformed(String hash, String problem) {
        assertThatThrownBy(() -> CryptHash.check(hash))
                .isInstanceOf(CryptHashException.class)
                .hasMessage("malformed $1$ (MD5) password hash: " + problem
                        + "; expected $1$<salt of at most 8 characters>$<22 characters of ./0-9A-Za-z>");
    }
}
