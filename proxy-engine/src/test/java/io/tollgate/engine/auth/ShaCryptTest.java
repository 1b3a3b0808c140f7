package io.tollgate.engine.auth;

import io.tollgate.engine.auth.ShaCrypt.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SHA-crypt against the test vectors of Drepper's specification (SHA-crypt.txt) and against hashes
 * made on a Linux box with {@code openssl passwd -5/-6 -salt ...} and libxcrypt's crypt(3) (Perl's
 * {@code crypt}); the vectors are copied here, nothing runs at test time.
 */
class ShaCryptTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The specification's vectors, setting in, hash out: clamping and salt cutting included. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SHA256 | $5$saltstring | Hello world! | $5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5
            SHA256 | $5$rounds=10000$saltstringsaltstring | Hello world! | $5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA
            SHA256 | $5$rounds=5000$toolongsaltstring | This is just a test | $5$rounds=5000$toolongsaltstrin$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5
            SHA256 | $5$rounds=1400$anotherlongsaltstring | a very much longer text to encrypt.  This one even stretches over morethan one line. | $5$rounds=1400$anotherlongsalts$Rx.j8H.h8HjEDGomFU8bDkXm3XIUnzyxf12oP84Bnq1
            SHA256 | $5$rounds=77777$short | we have a short salt string but not a short password | $5$rounds=77777$short$JiO1O3ZpDAxGJeaDIuqCoEFysAe1mZNJRs3pw0KQRd/
            SHA256 | $5$rounds=123456$asaltof16chars.. | a short string | $5$rounds=123456$asaltof16chars..$gP3VQ/6X7UUEW3HkBn2w1/Ptq2jxPyzV/cZKmF/wJvD
            SHA256 | $5$rounds=10$roundstoolow | the minimum number is still observed | $5$rounds=1000$roundstoolow$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC
            SHA512 | $6$saltstring | Hello world! | $6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1
            SHA512 | $6$rounds=10000$saltstringsaltstring | Hello world! | $6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.
            SHA512 | $6$rounds=5000$toolongsaltstring | This is just a test | $6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0
            SHA512 | $6$rounds=1400$anotherlongsaltstring | a very much longer text to encrypt.  This one even stretches over morethan one line. | $6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1
            SHA512 | $6$rounds=77777$short | we have a short salt string but not a short password | $6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0
            SHA512 | $6$rounds=123456$asaltof16chars.. | a short string | $6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu.Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1
            SHA512 | $6$rounds=10$roundstoolow | the minimum number is still observed | $6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.
            """)
    void specificationVectors(Variant variant, String setting, String key, String expected) {
        assertThat(ShaCrypt.crypt(variant, utf8(key), setting)).isEqualTo(expected);
        CryptHash stored = CryptHash.parse(expected);
        assertThat(stored.matches(key)).isTrue();
        assertThat(stored.matches(key + " ")).isFalse();
    }

    @Test
    void cryptTreatsRoundsWithoutDollarAsSaltAndClampsTheMaximum() {
        assertThat(ShaCrypt.crypt(Variant.SHA256, utf8("pw"), "$5$rounds=x"))
                .startsWith("$5$rounds=x$").hasSize("$5$rounds=x$".length() + 43);
        assertThat(ShaCrypt.crypt(Variant.SHA256, utf8("pw"), "$5$rounds=5000$salt$ignoredhash"))
                .startsWith("$5$rounds=5000$salt$");
        assertThatThrownBy(() -> ShaCrypt.crypt(Variant.SHA256, utf8("pw"), "$6$salt"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Hashes from {@code openssl passwd} and libxcrypt: empty password and salt, the key lengths
     * either side of the digest size (the two block loops of step 13 and step 16 part ways there),
     * a colon, a UTF-8 and an ISO-8859-1 password (hashed as bytes, as crypt(3) does).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''| $5$abc$bBHLwRRW2Li0XKaX13kz/g2fkDil4Jx46aNvd.48MS8
            ''| $6$abc$mJP3a6FyA8uCnzRtlnNypPwjnvpi5TP9qOrInzrfDmwxUQG38PkpCPdqfTb8JQfAngapMxeim4AZ..hSdRRzD.
            ''| $6$$/chiBau24cE26QQVW3IfIe68Xu5.JQ4E8Ie7lcRLwqxO5cxGuBhqF2HmTL.zWJ9zjChg3yJYFXeGBQ2y3Ba1d1
            foo | $6$$QMXjqd7rHQZPQ1yHsXkQqC1FBzDiVfTHXL.LaeDAeVV.IzMaV9VU4MQ8kPuZa2SOP1A0RPm772EaFYjpEJtdu.
            secret | $5$rounds=5000$$o1w7HPzHt8gHmL5zUzDkRqt6Az.BjDfkvuDNNLWnXx5
            pw | $5$rounds=1000$x$ZGwGZ4tYalKWObwyVo/fk0AuoN.VOrWh7YVuk8PnO9C
            pw | $6$rounds=1000$x$CMtRIowMr6iASdxjO.zihmTrV9pwN1b/5lSYJBbfQ/kiAYaSkuCT0Yi/gK7.GLQRz0MeUmUnfQSz0MsH41N/L/
            password | $5$xxxxxxxxxxxxxxxx$fHytsM.wVD..zPN/h3i40WJRggt/1f73XkAC/gkelkB
            password | $6$xxxxxxxxxxxxxxxx$VjGUrXBG6/8yW0f6ikBJVOb/lK/Tm9LxHJmFfwMvT7cpk64N9BW7ZQhNeMXAYFbOJ6HDG7wb0QpxJyYQn0rh81
            pa:ss:word | $6$rounds=5000$colon$SkrGitJTvMiKhQ7U.VfOctiYzoEuaAQMVIfXW/o2JNfjZluSXLlfPr9bTmT9b6exwrxliq/WZKqZClX7H14ES/
            päss wörd | $6$Ab.9/z$TNY.5TXGupVOLQi0d69NRzwF3lJwwr67h8cZ0S3RfkIQStuai5PvlJMEiDpPp4k4UfW6Yw9Wkht577aEkToko0
            """)
    void opensslAndLibxcryptHashes(String password, String hash) {
        CryptHash stored = CryptHash.parse(hash);
        assertThat(stored.matches(password)).isTrue();
        assertThat(stored.matches(password + "x")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            31 | x | $5$boundary$f/IbGymH1k/ZQCFaLoOy533S.zjdRRMEYw55c3OaRa6
            32 | x | $5$boundary$U2mbpIYEcg77LBAO/QLpHyiFJzg2foxmvi76NPcT.C5
            33 | x | $5$boundary$vk04jHqcjkK0CuPfNoClaQ09T10gFuJ73T2yi5sAAxD
            63 | y | $6$boundary$XJrPTyXZb3Aqp/CsBGuKsHJxx.Wr1u3Bm0vssUH1ZUow1KOtYFUPAJk/KVGm.2L.fOgL.1G21FJdkbyLGWoAi0
            64 | y | $6$boundary$DBQ1x2bkBMITfVkqgNqvW5SMTtoWtLyeyIB4fZHMbMuGSKK5UT7bkPlxUJyaX1NZnM9JRZVONTQ.rWBVa.SU0/
            65 | y | $6$boundary$k8T717FH/vOT677p.dDZW1AFgO8cQtUi9V5OxX813SVeMV5tDo8LBv31rynnnn3ClE8CBnXlo6/y1SM3XWb6T.
            200 | y | $6$boundary$89DEU2MkKAl14R9MQW4nlzZcrof0e0YimiQuhw/2evwV5HNKWaTUBoSLp/k6CzDzh05FkJdlFDQB5pWCbhHZG.
            """)
    void keyLengthsAroundTheDigestSize(int length, String letter, String hash) {
        assertThat(CryptHash.parse(hash).matches(letter.repeat(length))).isTrue();
        assertThat(CryptHash.parse(hash).matches(letter.repeat(length - 1))).isFalse();
    }

    @Test
    void latin1BytesAreHashedAsTheyCome() {
        CryptHash stored = CryptHash.parse("$6$latin1$T2uSMH1Uxn1JRvZkTTjMd43hn8/VJjx6ai/FQ15kBRWrqRVsdF1Qu6PU/"
                + "NLpHkyl4QHcJyX0jnE/QspK2z4K71");
        assertThat(stored.matches("été".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(stored.matches("été")).as("the same text in UTF-8 is other bytes").isFalse();
    }

    @Test
    void storedHashKnowsItsSchemeAndRounds() {
        CryptHash defaults = CryptHash.parse("$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5");
        assertThat(defaults.scheme()).isEqualTo("$5$ (SHA-256)");
        assertThat(defaults.rounds()).isEqualTo(5000);
        CryptHash custom = CryptHash.parse("$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1x"
                + "hLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.");
        assertThat(custom.scheme()).isEqualTo("$6$ (SHA-512)");
        assertThat(custom.rounds()).isEqualTo(1000);
    }

    /** Stored hashes no crypt(3) could have written; each message says what is wrong. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            $5$ | there is no '$' between the salt and the hash
            $6$saltonly | there is no '$' between the salt and the hash
            $6$rounds=5000 | 'rounds=' is not followed by '$'
            $6$rounds=$salt$h | 'rounds=' must be followed by a number from 1000 to 999999999 without leading zeros
            $6$rounds=01000$salt$h | 'rounds=' must be followed by a number from 1000 to 999999999 without leading zeros
            $6$rounds=+1000$salt$h | 'rounds=' must be followed by a number from 1000 to 999999999 without leading zeros
            $6$rounds=1000000000$salt$h | 'rounds=' must be followed by a number from 1000 to 999999999 without leading zeros
            $5$rounds=10$roundstoolow$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC | rounds=10 is below the minimum 1000 (crypt(3) would have written rounds=1000)
            $5$rounds=0$x$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC | 'rounds=' must be followed by a number from 1000 to 999999999 without leading zeros
            $5$toolongsaltstring$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5 | the salt has 17 characters, more than 16
            $5$sa lt$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5 | the salt's character 3 is not printable ASCII
            $6$k6y3o.eP$JlKBx9za966ud67q | the hash after the salt has 16 characters instead of 86
            $5$salt$ | the hash after the salt has 0 characters instead of 43
            $5$salt$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5x | the hash after the salt has 44 characters instead of 43
            $5$salt$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc_ | the hash's character 43 is not one of ./0-9A-Za-z
            $5$salt$5B8vYYiY.CVt1RlTTf8KbXBH$hsxY/GNooZaBBGWEc5 | the hash's character 25 is not one of ./0-9A-Za-z
            """)
    void malformed(String hash, String problem) {
        String scheme = hash.startsWith("$5$") ? "$5$ (SHA-256)" : "$6$ (SHA-512)";
        assertThatThrownBy(() -> CryptHash.check(hash))
                .isInstanceOf(CryptHashException.class)
                .hasMessageStartingWith("malformed " + scheme + " password hash: " + problem + "; expected "
                        + hash.substring(0, 3) + "[rounds=<1000..999999999>$]<salt of at most 16 characters>$<");
    }
}
