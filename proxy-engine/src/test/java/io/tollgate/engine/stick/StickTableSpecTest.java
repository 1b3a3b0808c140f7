package io.tollgate.engine.stick;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The words after {@code stick-table}. Every message below was produced by HAProxy 2.6.12's
 * {@code haproxy -c} on the same line (after its {@code parsing [file:line] : } prefix), except
 * the two Tollgate adds: the key length bound, and {@code write-to}, which 2.6 refuses.
 */
class StickTableSpecTest {
    private final List<String> warnings = new ArrayList<>();

    private StickTableSpec parse(String line) throws StickTableException {
        return StickTableSpec.parse("t", words(line), warnings::add);
    }

    private static List<String> words(String line) {
        return line.isBlank() ? List.of() : Arrays.asList(line.trim().split("\\s+"));
    }

    @Test
    void aTypicalRateLimitingTable() throws StickTableException {
        StickTableSpec spec = parse("type ip size 100k expire 30s store http_req_rate(10s),conn_cur,gpc0");

        assertThat(spec.name()).isEqualTo("t");
        assertThat(spec.keyType()).isEqualTo(KeyType.IP);
        assertThat(spec.keyLength()).isEqualTo(4);
        assertThat(spec.size()).isEqualTo(102_400);
        assertThat(spec.expireMs()).isEqualTo(30_000);
        assertThat(spec.noPurge()).isFalse();
        assertThat(spec.peers()).isNull();
        assertThat(spec.srvKey()).isEqualTo(StickTableSpec.SrvKey.NAME);
        // Kept in HAProxy's order, not the order written.
        assertThat(spec.stored()).containsExactly(
                new StoredData(DataType.GPC0, 1, 0),
                new StoredData(DataType.CONN_CUR, 1, 0),
                new StoredData(DataType.HTTP_REQ_RATE, 1, 10_000));
        assertThat(spec.stores(DataType.CONN_CUR)).isTrue();
        assertThat(spec.stores(DataType.CONN_CNT)).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void everyArgumentInAnyOrderTheLastRepeatWinningAndStoresAccumulating() throws StickTableException {
        StickTableSpec spec = parse("size 1k type integer expire 1m store gpc1 nopurge peers mypeers srvkey addr"
                + " write-to other type string len 64 size 2m expire 2h store conn_cnt,server_name");

        assertThat(spec.keyType()).isEqualTo(KeyType.STRING);
        assertThat(spec.keyLength()).isEqualTo(64);
        assertThat(spec.size()).isEqualTo(2L << 20);
        assertThat(spec.expireMs()).isEqualTo(7_200_000);
        assertThat(spec.noPurge()).isTrue();
        assertThat(spec.peers()).isEqualTo("mypeers");
        assertThat(spec.srvKey()).isEqualTo(StickTableSpec.SrvKey.ADDR);
        assertThat(spec.writeTo()).isEqualTo("other");
        assertThat(spec.stored()).extracting(StoredData::type)
                .containsExactly(DataType.CONN_CNT, DataType.GPC1, DataType.SERVER_KEY);
    }

    @Test
    void keyLengthsFollowHaproxyIncludingTheStringNulByte() throws StickTableException {
        assertThat(parse("type ipv6 size 1").keyLength()).isEqualTo(16);
        assertThat(parse("type integer size 1").keyLength()).isEqualTo(4);
        // 32 bytes reserved with the NUL: HAProxy keeps 31 characters of a string by default.
        assertThat(parse("type string size 1").keyLength()).isEqualTo(31);
        assertThat(parse("type string len 5 size 1").keyLength()).isEqualTo(5);
        assertThat(parse("type binary size 1").keyLength()).isEqualTo(32);
        assertThat(parse("type binary len 3 size 1").keyLength()).isEqualTo(3);
        // atol(): the leading number counts.
        assertThat(parse("type string len 10x size 1").keyLength()).isEqualTo(10);
    }

    @Test
    void sizesAndTimesWithUnits() throws StickTableException {
        assertThat(parse("type ip size 1K").size()).isEqualTo(1024);
        assertThat(parse("type ip size 3g").size()).isEqualTo(3L << 30);
        assertThat(parse("type ip size 4294967295").size()).isEqualTo(4_294_967_295L);
        assertThat(parse("type ip size 1 expire 250").expireMs()).isEqualTo(250);
        assertThat(parse("type ip size 1 expire 250ms").expireMs()).isEqualTo(250);
        assertThat(parse("type ip size 1 expire 1001us").expireMs()).isEqualTo(2);
        assertThat(parse("type ip size 1 expire 1d").expireMs()).isEqualTo(86_400_000);
        assertThat(parse("type ip size 1 expire 0").expireMs()).isZero();
        assertThat(parse("type ip size 1 expire 2147483647").expireMs()).isEqualTo(2_147_483_647L);
    }

    @Test
    void arraysAndTheirRates() throws StickTableException {
        StickTableSpec spec = parse("type ip size 1 store gpc(3),gpc_rate(2,1m),gpt(2)");

        assertThat(spec.stored()).containsExactly(
                new StoredData(DataType.GPT, 2, 0),
                new StoredData(DataType.GPC, 3, 0),
                new StoredData(DataType.GPC_RATE, 2, 60_000));
    }

    @Test
    void whatHaproxyOnlyWarnsAbout() throws StickTableException {
        StickTableSpec spec = parse("type ip size 1 store gpc0,gpc0 store server_name,server_key expire 10sx");

        assertThat(spec.stored()).extracting(StoredData::type).containsExactly(DataType.GPC0, DataType.SERVER_KEY);
        assertThat(spec.expireMs()).isEqualTo(10_000);
        assertThat(warnings).containsExactly(
                "stick-table: store option 'gpc0' already enabled, ignored.",
                "stick-table: store option 'server_key' already enabled, ignored.",
                "unexpected character 'x' after the timer value '10sx', only (us=microseconds,ms=milliseconds,"
                        + "s=seconds,m=minutes,h=hours,d=days) are supported. This will be reported as an error in"
                        + " next versions.");
    }

    @Test
    void oddButAcceptedByHaproxy() throws StickTableException {
        // A second bracketed value is ignored by a plain rate; text after ')' is skipped; an
        // empty store word stores nothing; a period of 0 is taken (and reads as rate 0).
        assertThat(parse("type ip size 1 store http_req_rate(10s,5)").stored())
                .containsExactly(new StoredData(DataType.HTTP_REQ_RATE, 1, 10_000));
        assertThat(parse("type ip size 1 store gpc(2)x,gpc1_rate(1s)").stored()).hasSize(2);
        assertThat(parse("type ip size 1 store").stored()).isEmpty();
        assertThat(parse("type ip size 1 store conn_rate(0)").stored())
                .containsExactly(new StoredData(DataType.CONN_RATE, 1, 0));
    }

    @Test
    void theTwoArgumentFormDropsWarnings() throws StickTableException {
        StickTableSpec spec = StickTableSpec.parse("t", words("type ip size 1 store gpc0,gpc0"));

        assertThat(spec.stored()).hasSize(1);
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("size 1k", "stick-table: missing type."),
                Arguments.of("type ip", "stick-table: missing size."),
                Arguments.of("", "stick-table: missing size."),
                Arguments.of("type ip size 0", "stick-table: missing size."),
                Arguments.of("type foo size 1k", "stick-table: unknown type 'foo'."),
                Arguments.of("type", "stick-table: unknown type ''."),
                Arguments.of("type string len 0 size 1k", "stick-table: unknown type '0'."),
                Arguments.of("type string len size 1k", "stick-table: unknown type 'size'."),
                Arguments.of("type ip len 5 size 1k", "stick-table: unknown argument 'len'."),
                Arguments.of("type ip size", "stick-table: missing argument after 'size'."),
                Arguments.of("type ip size 1x", "stick-table: unexpected character 'x' in argument of 'size'."),
                Arguments.of("type ip size 1kb", "stick-table: unexpected character 'b' in argument of 'size'."),
                Arguments.of("type ip size 4g", "stick-table: unexpected character 'g' in argument of 'size'."),
                Arguments.of("type ip size 4294967296", "stick-table: unexpected character '6' in argument of 'size'."),
                Arguments.of("type ip size 1k expire", "stick-table: missing argument after 'expire'."),
                Arguments.of("type ip size 1k expire 10x", "stick-table: unexpected character 'x' in argument of 'expire'."),
                Arguments.of("type ip size 1k expire 1.5s", "stick-table: unexpected character '.' in argument of 'expire'."),
                Arguments.of("type ip size 1k expire -1", "stick-table: unexpected character '-' in argument of 'expire'."),
                Arguments.of("type ip size 1k expire 1S", "stick-table: unexpected character 'S' in argument of 'expire'."),
                Arguments.of("type ip size 1k expire 30d", "stick-table: timer overflow in argument <30d> to <expire>,"
                        + " maximum value is 2147483647 ms (~24.8 days)."),
                Arguments.of("type ip size 1k expire 99999999999999999999999", "stick-table: timer overflow in argument"
                        + " <99999999999999999999999> to <expire>, maximum value is 2147483647 ms (~24.8 days)."),
                Arguments.of("type ip size 1k peers", "stick-table: missing argument after 'peers'."),
                Arguments.of("type ip size 1k bogus", "stick-table: unknown argument 'bogus'."),
                Arguments.of("type ip size 1k store gpc0 gpc1", "stick-table: unknown argument 'gpc1'."),
                Arguments.of("type ip size 1k srvkey foo", "stick-table : unknown server key type 'foo'."),
                Arguments.of("type ip size 1k srvkey", "stick-table : unknown server key type ''."),
                Arguments.of("type ip size 1k store http_req_rate", "stick-table: missing argument to store option 'http_req_rate'."),
                Arguments.of("type ip size 1k store http_req_rate(10s),foo", "stick-table: unknown store option 'foo'."),
                Arguments.of("type ip size 1k store glitch-free", "stick-table: unknown store option 'glitch-free'."),
                Arguments.of("type ip size 1k store ,", "stick-table: unknown store option ''."),
                Arguments.of("type ip size 1k store gpc0,,gpc1", "stick-table: unknown store option ''."),
                Arguments.of("type ip size 1k store gpc0(3)", "stick-table: unexpected argument to store option 'gpc0'."),
                Arguments.of("type ip size 1k store conn_cnt()", "stick-table: unexpected argument to store option 'conn_cnt'."),
                Arguments.of("type ip size 1k store gpt(2,5)", "stick-table: unexpected argument to store option 'gpt'."),
                Arguments.of("type ip size 1k store http_req_rate(10s", "stick-table: missing closing parenthesis after store option 'http_req_rate'."),
                Arguments.of("type ip size 1k store http_req_rate(10x)", "stick-table: error when processing store option 'http_req_rate'."),
                Arguments.of("type ip size 1k store http_req_rate()", "stick-table: error when processing store option 'http_req_rate'."),
                Arguments.of("type ip size 1k store http_req_rate(30d)", "stick-table: error when processing store option 'http_req_rate'."),
                Arguments.of("type ip size 1k store gpc", "stick-table: missing argument to store option 'gpc'."),
                Arguments.of("type ip size 1k store gpc(0)", "stick-table: array size is out of allowed range (1-100) for store option 'gpc'."),
                Arguments.of("type ip size 1k store gpc(101)", "stick-table: array size is out of allowed range (1-100) for store option 'gpc'."),
                Arguments.of("type ip size 1k store gpc(x)", "stick-table: array size is out of allowed range (1-100) for store option 'gpc'."),
                Arguments.of("type ip size 1k store gpc_rate(2)", "stick-table: missing argument to store option 'gpc_rate'."),
                Arguments.of("type ip size 1k store gpt(2),gpt0", "stick-table: simultaneous usage of 'gpt' and 'gpt0' in a"
                        + " same table is not permitted as 'gpt' overrides 'gpt0'."),
                Arguments.of("type ip size 1k store gpc1 store gpc(2)", "stick-table: simultaneous usage of 'gpc' and"
                        + " 'gpc[0/1]' in a same table is not permitted as 'gpc' overrides 'gpc[0/1]'."),
                Arguments.of("type ip size 1k store gpc_rate(2,1s),gpc0_rate(1s)", "stick-table: simultaneous usage of"
                        + " 'gpc_rate' and 'gpc[0/1]_rate' in a same table is not permitted as 'gpc_rate' overrides"
                        + " 'gpc[0/1]_rate'."),
                // Tollgate's own: HAProxy 2.6 does not know write-to, and reserves any key length.
                Arguments.of("type ip size 1k write-to", "stick-table: missing argument after 'write-to'."),
                Arguments.of("type binary len 100000 size 1k", "stick-table: key length 100000 is larger than"
                        + " Tollgate's limit of 65536 bytes."),
                Arguments.of("type string len -3 size 1k", "stick-table: unknown type '-3'."));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badLines")
    void badLinesGetHaproxysMessage(String line, String message) {
        assertThatThrownBy(() -> parse(line))
                .isInstanceOf(StickTableException.class)
                .hasMessage(message);
    }

    @Test
    void aTableNeedsAName() {
        assertThatThrownBy(() -> StickTableSpec.parse("", words("type ip size 1")))
                .hasMessage("stick-table: ID not provided.");
    }
}
