package io.tollgate.engine.persist;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request side: which value the persistence cookie carries and what the server gets to see.
 * Expected headers are those HAProxy 2.6.12 forwarded for the same input ({@link RecordedRequests}
 * has many more).
 */
class CookiePersistenceRequestTest {
    private static final long NOW = 1_795_449_148L;
    private static final Predicate<String> S1_S2 = v -> v.equals("s1") || v.equals("s2");

    private static CookiePersistence persistence(String line) {
        return new CookiePersistence(CookieSettings.parse(Arrays.asList(line.split(" ")), w -> { }), () -> NOW);
    }

    private static HttpHeaders cookies(String... values) {
        HttpHeaders headers = new DefaultHttpHeaders().add(HttpHeaderNames.HOST, "h");
        for (String v : values) {
            headers.add(HttpHeaderNames.COOKIE, v);
        }
        return headers;
    }

    private static String date(long epochSeconds) {
        return CookieDate.encode(epochSeconds);
    }

    @Test
    void aRequestWithoutCookieCostsNothing() {
        HttpHeaders headers = new DefaultHttpHeaders().add(HttpHeaderNames.HOST, "h");

        assertThat(persistence("SRV insert indirect").onRequest(headers)).isSameAs(RequestCookie.NONE);
        assertThat(headers.names()).containsExactly("host");
    }

    @Test
    void headersWithoutTheNameAreLeftAsTheyAre() {
        String value = "a=1; b=2";
        HttpHeaders headers = cookies(value);

        assertThat(persistence("SRV insert indirect").onRequest(headers)).isSameAs(RequestCookie.NONE);
        assertThat(headers.get(HttpHeaderNames.COOKIE)).isSameAs(value);
    }

    @Test
    void insertIndirectHidesTheCookieFromTheServer() {
        CookiePersistence p = persistence("SRV insert indirect");
        HttpHeaders headers = cookies("a=1; SRV=s1; b=2");

        RequestCookie found = p.onRequest(headers, S1_S2);

        assertThat(found).isEqualTo(new RequestCookie("s1", RequestCookie.State.FOUND, 0, 0));
        assertThat(headers.getAll(HttpHeaderNames.COOKIE)).containsExactly("a=1; b=2");
    }

    @Test
    void aHeaderLeftEmptyGoesAndTheOthersKeepTheirOrder() {
        HttpHeaders headers = cookies("x=1", "SRV=s2", "y=2; SRV=s2");

        assertThat(persistence("SRV insert indirect").onRequest(headers).value()).isEqualTo("s2");
        assertThat(headers.getAll(HttpHeaderNames.COOKIE)).containsExactly("x=1", "y=2");
        assertThat(headers.get(HttpHeaderNames.HOST)).isEqualTo("h");
    }

    @Test
    void cutsKeepTheDelimiterThatFollowedAndOneSpace() {
        assertForwarded("SRV insert indirect", "a=1;SRV=s1;b=2", "a=1; b=2");
        assertForwarded("SRV insert indirect", "a=1,SRV=s1,b=2", "a=1, b=2");
        assertForwarded("SRV insert indirect", "a=1\t;\tSRV=s1\t;\tb=2", "a=1; b=2");
        assertForwarded("SRV insert indirect", "SRV=s1, x=2", "x=2");
        assertForwarded("SRV insert indirect", "SRV=s1;;b=1", ";b=1");
        // A cut at the end keeps the blanks before it, as HAProxy does.
        assertForwarded("SRV insert indirect", "a=1 ;SRV=s1", "a=1 ");
        assertForwarded("SRV insert indirect", "a=1; SRV=s1;", "a=1; ");
        assertForwarded("SRV insert indirect", "SRV=s1; SRV=s2");
    }

    @Test
    void dollarAttributesGoWithTheCookieBeforeThem() {
        assertForwarded("SRV insert indirect", "$Version=1; SRV=s1; $Path=/; a=1", "$Version=1; a=1");
        assertForwarded("SRV insert indirect", "a=1; SRV=s1; $Path=/; b=2", "a=1; b=2");
        // Only attributes left: nothing for the server.
        assertForwarded("SRV insert indirect", "$Version=1; SRV=s1; $Path=/");
    }

    @Test
    void otherModesLeaveTheCookieToTheServer() {
        for (String line : List.of("SRV insert", "SRV rewrite", "SRV", "SRV indirect", "SRV prefix")) {
            HttpHeaders headers = cookies("a=1; SRV=s1; b=2");

            assertThat(persistence(line).onRequest(headers, S1_S2).value()).as(line).isEqualTo("s1");
            assertThat(headers.getAll(HttpHeaderNames.COOKIE)).as(line).containsExactly("a=1; SRV=s1; b=2");
        }
    }

    @Test
    void prefixModeStripsTheServerPart() {
        CookiePersistence p = persistence("SRV prefix");
        HttpHeaders headers = cookies("SRV=s2~app; x=1");

        assertThat(p.onRequest(headers, S1_S2).value()).isEqualTo("s2");
        assertThat(headers.getAll(HttpHeaderNames.COOKIE)).containsExactly("SRV=app; x=1");

        assertForwarded("SRV prefix", "SRV=s1~a~b", "SRV=a~b");
        assertForwarded("SRV prefix", "a=1, SRV=s2~q, b=2", "a=1, SRV=q, b=2");
        // Unknown or empty server parts are stripped too; a value without '~' is left whole.
        assertForwarded("SRV prefix", "SRV=zz~app", "SRV=app");
        assertForwarded("SRV prefix", "a=1; SRV=~app", "a=1; SRV=app");
        assertForwarded("SRV prefix", "SRV=s1", "SRV=s1");
    }

    @Test
    void prefixModeReadsNoDates() {
        RequestCookie found = persistence("SRV prefix maxidle 10").onRequest(cookies("SRV=s1|AAAAB~abc"));

        assertThat(found.value()).isEqualTo("s1|AAAAB");
        assertThat(found.lastSeen()).isZero();
    }

    @Test
    void namesAreCaseSensitiveAndWhole() {
        CookiePersistence p = persistence("SRV insert indirect");

        for (String other : List.of("srv=s1", "Srv=s1", "SRVX=s1; XSRV=s1", "SRV_=s1", "a=1; SRV; b=2", "SRV")) {
            HttpHeaders headers = cookies(other);
            assertThat(p.onRequest(headers, S1_S2)).as(other).isSameAs(RequestCookie.NONE);
            assertThat(headers.get(HttpHeaderNames.COOKIE)).as(other).isEqualTo(other);
        }
        assertForwarded("SRV insert indirect", "XSRV=s1; SRV=s1", "XSRV=s1");
    }

    @Test
    void blanksAroundEqualsAreRemovedFromEveryCookie() {
        // Whenever the backend has a cookie, HAProxy normalises "a = 1" to "a=1", ours or not.
        assertForwarded("SRV insert", "a = 1; b =2 ; c", "a=1; b=2 ; c");
        assertForwarded("SRV", "a = 1; SRV = s1; b= 2", "a=1; SRV=s1; b=2");
        assertForwarded("SRV insert indirect", "a = 1; SRV = s1; b= 2", "a=1; b=2");
        assertForwarded("SRV prefix", "SRV = s1~ x", "SRV= x");
        assertForwarded("SRV insert", "$Path = /; a = 1", "$Path = /; a=1");
    }

    @Test
    void quotedValuesMayHoldDelimiters() {
        assertForwarded("SRV insert indirect", "q=\"a;SRV=s1\"; SRV=s2", "q=\"a;SRV=s1\"");
        assertForwarded("SRV insert indirect", "a=\"x\\\"; SRV=s1\"; SRV=s2", "a=\"x\\\"; SRV=s1\"");
        // A quoted value is compared with its quotes: it names no server.
        RequestCookie quoted = persistence("SRV insert").onRequest(cookies("SRV=\"s1\""), S1_S2);
        assertThat(quoted.state()).isEqualTo(RequestCookie.State.INVALID);
    }

    @Test
    void anEmptyValueIsInvalid() {
        RequestCookie found = persistence("SRV insert").onRequest(cookies("SRV="), v -> true);

        assertThat(found).isEqualTo(new RequestCookie(null, RequestCookie.State.INVALID, 0, 0));
        assertThat(found.state().logChar()).isEqualTo('I');
    }

    @Test
    void theFirstUsableOccurrenceWinsAcrossHeaders() {
        Map<String, Boolean> up = Map.of("s1", false, "s2", true);
        HttpHeaders headers = cookies("SRV=zz; SRV=s1", "SRV=s2");

        RequestCookie found = persistence("SRV insert indirect").onRequest(headers, v -> up.getOrDefault(v, false));

        assertThat(found.value()).isEqualTo("s2");
        assertThat(headers.contains(HttpHeaderNames.COOKIE)).isFalse();
    }

    @Test
    void withoutLookupTheFirstNonEmptyValueWins() {
        assertThat(persistence("SRV insert").onRequest(cookies("SRV=; SRV=zz; SRV=s1")).value()).isEqualTo("zz");
    }

    @Test
    void aValueNoServerTakesIsInvalid() {
        RequestCookie found = persistence("SRV insert").onRequest(cookies("SRV=zz"), S1_S2);

        assertThat(found.state()).isEqualTo(RequestCookie.State.INVALID);
        assertThat(found.value()).isNull();
        assertThat(found.isFor("zz")).isFalse();
    }

    @Test
    void datesAreReadAndAFreshCookieIsFound() {
        RequestCookie found = persistence("SRV insert maxidle 30s maxlife 1h")
                .onRequest(cookies("SRV=s1|" + date(NOW - 8) + "|" + date(NOW - 600)));

        assertThat(found).isEqualTo(new RequestCookie("s1", RequestCookie.State.FOUND, NOW - 8, NOW - 600));
    }

    @Test
    void aCookieIdleTooLongIsExpiredAndIgnored() {
        HttpHeaders headers = cookies("SRV=s1|" + date(NOW - 40) + "; a=1");

        RequestCookie found = persistence("SRV insert indirect maxidle 30s").onRequest(headers, S1_S2);

        assertThat(found).isEqualTo(new RequestCookie(null, RequestCookie.State.EXPIRED, 0, 0));
        assertThat(found.state().logChar()).isEqualTo('E');
        // Still hidden from the server.
        assertThat(headers.get(HttpHeaderNames.COOKIE)).isEqualTo("a=1");
    }

    @Test
    void idlenessIsStrictlyMoreThanMaxidle() {
        CookiePersistence p = persistence("SRV insert maxidle 32");

        assertThat(p.evaluate("s1|" + date(NOW - 32)).state()).isEqualTo(RequestCookie.State.FOUND);
        assertThat(p.evaluate("s1|" + date(NOW - 36)).state()).isEqualTo(RequestCookie.State.EXPIRED);
    }

    @Test
    void aCookieFirstSeenTooLongAgoIsOld() {
        RequestCookie found = persistence("SRV insert maxidle 30s maxlife 60s")
                .onRequest(cookies("SRV=s1|" + date(NOW) + "|" + date(NOW - 100)));

        assertThat(found).isEqualTo(new RequestCookie(null, RequestCookie.State.OLD, 0, 0));
        assertThat(found.state().logChar()).isEqualTo('O');
    }

    @Test
    void datesMoreThanADayAheadAreIgnoredLessIsFine() {
        CookiePersistence p = persistence("SRV insert maxidle 30s maxlife 60s");

        assertThat(p.evaluate("s1|" + date(NOW + 3600)).state()).isEqualTo(RequestCookie.State.FOUND);
        assertThat(p.evaluate("s1|" + date(NOW + 2 * 86_400)).state()).isEqualTo(RequestCookie.State.EXPIRED);
        assertThat(p.evaluate("s1|" + date(NOW) + "|" + date(NOW + 2 * 86_400)).state())
                .isEqualTo(RequestCookie.State.OLD);
    }

    @Test
    void withoutMaxidleOrMaxlifeDatesAreReadButNeverExpire() {
        RequestCookie found = persistence("SRV insert").evaluate("s1|" + date(NOW - 99_999) + "|" + date(NOW - 99_999));

        assertThat(found.state()).isEqualTo(RequestCookie.State.FOUND);
        assertThat(found.value()).isEqualTo("s1");
        assertThat(found.lastSeen()).isNotZero();
        assertThat(found.firstSeen()).isNotZero();
    }

    @Test
    void anUndatedCookieIsAcceptedUnderMaxidle() {
        assertThat(persistence("SRV insert maxidle 30s").evaluate("s1"))
                .isEqualTo(new RequestCookie("s1", RequestCookie.State.FOUND, 0, 0));
    }

    @Test
    void malformedDatesAreNoDates() {
        CookiePersistence p = persistence("SRV insert maxidle 30s maxlife 60s");

        assertThat(p.evaluate("s1|abc")).isEqualTo(new RequestCookie("s1", RequestCookie.State.FOUND, 0, 0));
        assertThat(p.evaluate("s1|!!!!!")).isEqualTo(new RequestCookie("s1", RequestCookie.State.FOUND, 0, 0));
        assertThat(p.evaluate("s1|AAAAA")).isEqualTo(new RequestCookie("s1", RequestCookie.State.FOUND, 0, 0));
        assertThat(p.evaluate("s1|")).isEqualTo(new RequestCookie("s1", RequestCookie.State.FOUND, 0, 0));
        // Five good characters then junk still give a date, as in HAProxy.
        assertThat(p.evaluate("s1|" + date(NOW) + "xyz").lastSeen()).isEqualTo(NOW);
        // An empty last date does not hide the first one.
        assertThat(p.evaluate("s1||" + date(NOW - 20))).isEqualTo(
                new RequestCookie("s1", RequestCookie.State.FOUND, 0, NOW - 20));
        // The server part ends at the first '|'.
        assertThat(p.evaluate("|" + date(NOW)).state()).isEqualTo(RequestCookie.State.INVALID);
    }

    @Test
    void anExpiredOccurrenceDoesNotStopALaterOne() {
        RequestCookie found = persistence("SRV insert maxidle 30s")
                .onRequest(cookies("SRV=s1|" + date(NOW - 100) + "; SRV=s2"), S1_S2);

        assertThat(found).isEqualTo(new RequestCookie("s2", RequestCookie.State.FOUND, 0, 0));
    }

    @Test
    void aLaterExpiredOccurrenceKeepsTheChoiceButDropsTheDates() {
        RequestCookie found = persistence("SRV insert maxidle 30s")
                .onRequest(cookies("SRV=s1|" + date(NOW) + "; SRV=s2|" + date(NOW - 100)), S1_S2);

        assertThat(found).isEqualTo(new RequestCookie("s1", RequestCookie.State.FOUND, 0, 0));
    }

    @Test
    void theClockIsReadPerCall() {
        long[] now = {NOW};
        CookieSettings settings = CookieSettings.parse(List.of("SRV", "insert", "maxidle", "30"), w -> { });
        CookiePersistence p = new CookiePersistence(settings, () -> now[0]);
        String value = "s1|" + date(NOW);

        assertThat(p.evaluate(value).state()).isEqualTo(RequestCookie.State.FOUND);
        now[0] += 31;
        assertThat(p.evaluate(value).state()).isEqualTo(RequestCookie.State.EXPIRED);
    }

    private static void assertForwarded(String line, String sent, String... forwarded) {
        HttpHeaders headers = cookies(sent);
        persistence(line).onRequest(headers, S1_S2);
        assertThat(headers.getAll(HttpHeaderNames.COOKIE)).as("%s: %s", line, sent).containsExactly(forwarded);
    }
}
