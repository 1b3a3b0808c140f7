package io.tollgate.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Time and size units, and errors that name the keyword and the value. */
class UnitsTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"0, 0", "5000, 5000", "1500us, 2", "1us, 1", "250ms, 250", "5s, 5000", "2m, 120000",
        "1h, 3600000", "1d, 86400000", "24d, 2073600000"})
    void timesAreMillisecondsAndABareNumberIsMilliseconds(String text, long ms) throws KeywordException {
        assertThat(Units.time(text, "timeout client")).isEqualTo(ms);
    }

    @Test
    void aBareNumberTakesTheKeywordsDefaultUnit() throws KeywordException {
        assertThat(Units.time("30", "stats refresh", 1000)).isEqualTo(30_000);
    }

    @Test
    void badTimesNameTheKeywordAndTheValue() {
        assertThatThrownBy(() -> Units.time("5x", "timeout client")).hasMessage(
                "unexpected character 'x' in 'timeout client' value '5x' (expected a time with an optional unit: us, ms, s, m, h, d)");
        assertThatThrownBy(() -> Units.time("abc", "timeout server")).hasMessageStartingWith(
                "unexpected character 'a' in 'timeout server' value 'abc'");
        assertThatThrownBy(() -> Units.time("1.5s", "inter")).hasMessageStartingWith(
                "unexpected character '.' in 'inter' value '1.5s'");
        assertThatThrownBy(() -> Units.time("25d", "timeout client")).hasMessage(
                "timer overflow in argument '25d' to 'timeout client' (maximum value is 2147483647 ms or ~24.8 days)");
        assertThatThrownBy(() -> Units.time("", "timeout client")).hasMessageContaining("'timeout client' expects");
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({"0, 0", "16384, 16384", "4k, 4096", "4K, 4096", "1m, 1048576", "2g, 2147483648"})
    void sizesArePowersOf1024(String text, long bytes) throws KeywordException {
        assertThat(Units.size(text, "tune.bufsize")).isEqualTo(bytes);
    }

    @Test
    void badSizesNameTheKeywordAndTheValue() {
        assertThatThrownBy(() -> Units.size("10t", "tune.bufsize")).hasMessage(
                "unexpected character 't' in 'tune.bufsize' value '10t' (expected a size with an optional unit: k, m, g)");
        assertThatThrownBy(() -> Units.size("99999999999999999999", "x")).hasMessage(
                "size '99999999999999999999' is too large for 'x'");
    }
}
