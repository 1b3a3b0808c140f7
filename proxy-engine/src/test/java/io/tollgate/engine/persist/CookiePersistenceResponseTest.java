package io.tollgate.engine.persist;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response side: which {@code Set-Cookie} the client gets. Every expected header is what
 * HAProxy 2.6.12 sent for the same configuration and exchange.
 */
class CookiePersistenceResponseTest {
    private static final long NOW = 1_795_449_147L;
    private static final RequestCookie HAS_S1 = new RequestCookie("s1", RequestCookie.State.FOUND, 0, 0);

    private final HttpHeaders response = new DefaultHttpHeaders().add(HttpHeaderNames.CONTENT_LENGTH, "0");

    private static CookiePersistence persistence(String line) {
        return new CookiePersistence(CookieSettings.parse(Arrays.asList(line.split(" ")), w -> { }), () -> NOW);
    }

    private ResponseCookie get(String line, String serverCookie, RequestCookie request) {
        return persistence(line).onResponse(200, HttpMethod.GET, response, serverCookie, request);
    }

    private HttpHeaders serverSets(String... values) {
        for (String v : values) {
            response.add(HttpHeaderNames.SET_COOKIE, v);
        }
        return response;
    }

    private List<String> setCookies() {
        return response.getAll(HttpHeaderNames.SET_COOKIE);
    }

    @Test
    void insertGivesANewClientTheServersCookie() {
        assertThat(get("SRV insert", "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.INSERTED);
        assertThat(setCookies()).containsExactly("SRV=s1; path=/");
        assertThat(response.names()).containsExactly("content-length", "set-cookie");
    }

    @Test
    void aClientWithTheRightCookieGetsNoneWithOrWithoutIndirect() {
        assertThat(get("SRV insert", "s1", HAS_S1)).isEqualTo(ResponseCookie.NONE);
        assertThat(get("SRV insert indirect", "s1", HAS_S1)).isEqualTo(ResponseCookie.NONE);
        assertThat(setCookies()).isEmpty();
    }

    @Test
    void aClientSentElsewhereGetsTheNewServersCookie() {
        assertThat(get("SRV insert indirect", "s2", HAS_S1)).isEqualTo(ResponseCookie.INSERTED);
        assertThat(setCookies()).containsExactly("SRV=s2; path=/");
    }

    @Test
    void aServerWithoutCookieValueMakesTheClientForgetIts() {
        assertThat(get("SRV insert domain .a.com httponly", null, HAS_S1)).isEqualTo(ResponseCookie.INSERTED);
        assertThat(setCookies())
                .containsExactly("SRV=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/; domain=.a.com; HttpOnly");
    }

    @Test
    void attributesComeInHaproxysOrder() {
        get("SRV insert attr SameSite=Lax secure domain .a.com httponly domain b.org attr Partitioned", "s1",
                RequestCookie.NONE);

        assertThat(setCookies()).containsExactly(
                "SRV=s1; path=/; domain=.a.com; domain=b.org; HttpOnly; Secure; SameSite=Lax; Partitioned");
    }

    @Test
    void insertRemovesTheServersOwnCookieOfThatName() {
        serverSets("SRV=app", "o=1", "SRV=again");

        assertThat(get("SRV insert", "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.INSERTED);
        assertThat(setCookies()).containsExactly("o=1", "SRV=s1; path=/");
    }

    @Test
    void insertRemovesTheServersCookieEvenWhenItInsertsNone() {
        serverSets("SRV=app; path=/x");

        assertThat(get("SRV insert", "s1", HAS_S1)).isEqualTo(ResponseCookie.DELETED);
        assertThat(response.contains(HttpHeaderNames.SET_COOKIE)).isFalse();
        assertThat(ResponseCookie.DELETED.logChar()).isEqualTo('D');
    }

    @Test
    void preserveLetsTheServersCookieThroughAndInsertsNothing() {
        serverSets("SRV=");

        assertThat(get("SRV insert preserve", "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.FOUND);
        assertThat(setCookies()).containsExactly("SRV=");
    }

    @Test
    void preserveStillInsertsWhenTheServerSetsNone() {
        serverSets("OTHER=app");

        assertThat(get("SRV insert preserve", "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.INSERTED);
        assertThat(setCookies()).containsExactly("OTHER=app", "SRV=s1; path=/");
    }

    @Test
    void postonlyInsertsOnPostOnly() {
        CookiePersistence p = persistence("SRV insert postonly");

        assertThat(p.onResponse(200, HttpMethod.GET, response, "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.NONE);
        assertThat(p.onResponse(200, HttpMethod.PUT, response, "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.NONE);
        assertThat(setCookies()).isEmpty();
        assertThat(p.onResponse(200, HttpMethod.POST, response, "s1", RequestCookie.NONE))
                .isEqualTo(ResponseCookie.INSERTED);
        assertThat(setCookies()).containsExactly("SRV=s1; path=/");
    }

    @Test
    void nocacheMarksACacheableResponseCarryingTheCookiePrivate() {
        response.add(HttpHeaderNames.ETAG, "\"x\"");

        get("SRV insert nocache", "s1", RequestCookie.NONE);

        assertThat(response.entries()).extracting(e -> e.getKey().toLowerCase() + ": " + e.getValue()).containsExactly(
                "content-length: 0", "etag: \"x\"", "set-cookie: SRV=s1; path=/", "cache-control: private");
    }

    @Test
    void nocacheAddsNothingToAnUncacheableResponse() {
        // A plain 200 without validator nor expiry is not cacheable to HAProxy 2.6.12.
        get("SRV insert nocache", "s1", RequestCookie.NONE);
        assertThat(response.contains(HttpHeaderNames.CACHE_CONTROL)).isFalse();

        HttpHeaders post = new DefaultHttpHeaders().add(HttpHeaderNames.ETAG, "x");
        persistence("SRV insert nocache").onResponse(200, HttpMethod.POST, post, "s1", RequestCookie.NONE);
        assertThat(post.contains(HttpHeaderNames.CACHE_CONTROL)).isFalse();
    }

    @Test
    void nocacheAddsNothingWhenNoCookieIsInserted() {
        response.add(HttpHeaderNames.ETAG, "x");

        get("SRV insert nocache", "s1", HAS_S1);

        assertThat(response.contains(HttpHeaderNames.CACHE_CONTROL)).isFalse();
    }

    @Test
    void postonlyWithNocacheAndPublicStillMarksPrivate() {
        // "Cache-Control: public" makes even a POST response cacheable, so HAProxy adds 'private'.
        response.add(HttpHeaderNames.ETAG, "x").add(HttpHeaderNames.CACHE_CONTROL, "public");

        persistence("SRV insert postonly nocache").onResponse(200, HttpMethod.POST, response, "s1", RequestCookie.NONE);

        assertThat(response.getAll(HttpHeaderNames.CACHE_CONTROL)).containsExactly("public", "private");
    }

    @Test
    void rewriteReplacesTheValueTheServerSet() {
        serverSets("SRV = app ; path=/", "other = 1");

        assertThat(get("SRV rewrite", "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.REPLACED);
        assertThat(setCookies()).containsExactly("SRV=s1 ; path=/", "other=1");
        assertThat(ResponseCookie.REPLACED.logChar()).isEqualTo('R');
    }

    @Test
    void rewriteRespectsQuotesAndStopsAtACommaAndSetsNothingItself() {
        serverSets("SRV=\"q;x\"; path=/", "SRV=a,b; path=/");

        get("SRV rewrite", "s1", HAS_S1);

        assertThat(setCookies()).containsExactly("SRV=s1; path=/", "SRV=s1,b; path=/");
        HttpHeaders none = new DefaultHttpHeaders();
        assertThat(persistence("SRV rewrite").onResponse(200, HttpMethod.GET, none, "s1", RequestCookie.NONE))
                .isEqualTo(ResponseCookie.NONE);
        assertThat(none.isEmpty()).isTrue();
    }

    @Test
    void aServerWithoutCookieValueKeepsItsCookieInRewriteAndPrefix() {
        serverSets("SRV=app");
        assertThat(get("SRV rewrite", null, RequestCookie.NONE)).isEqualTo(ResponseCookie.FOUND);
        assertThat(get("SRV prefix", null, RequestCookie.NONE)).isEqualTo(ResponseCookie.FOUND);
        assertThat(setCookies()).containsExactly("SRV=app");
    }

    @Test
    void prefixPutsTheServerInFront() {
        serverSets("SRV=app; path=/; HttpOnly", "SRV=", "SRV", "srv=app");

        assertThat(get("SRV prefix", "s1", HAS_S1)).isEqualTo(ResponseCookie.REPLACED);
        assertThat(setCookies()).containsExactly("SRV=s1~app; path=/; HttpOnly", "SRV=s1~", "SRV", "srv=app");
    }

    @Test
    void prefixIndirectDropsTheServersCookieForAClientAlreadyThere() {
        serverSets("SRV=app");
        assertThat(get("SRV prefix indirect", "s1", HAS_S1)).isEqualTo(ResponseCookie.DELETED);
        assertThat(setCookies()).isEmpty();

        serverSets("SRV=app");
        assertThat(get("SRV prefix indirect", "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.REPLACED);
        assertThat(setCookies()).containsExactly("SRV=s1~app");
    }

    @Test
    void passiveModeOnlyWatches() {
        serverSets("SRV=app", "a = 2");

        assertThat(get("SRV", "s1", HAS_S1)).isEqualTo(ResponseCookie.FOUND);
        assertThat(setCookies()).containsExactly("SRV=app", "a=2");
        assertThat(ResponseCookie.FOUND.logChar()).isEqualTo('P');
    }

    @Test
    void passiveIndirectHidesTheServersCookieFromAClientAlreadyThere() {
        serverSets("SRV=app", "a=2");
        assertThat(get("SRV indirect", "s1", HAS_S1)).isEqualTo(ResponseCookie.DELETED);
        assertThat(setCookies()).containsExactly("a=2");

        response.remove(HttpHeaderNames.SET_COOKIE);
        serverSets("SRV=app");
        assertThat(get("SRV indirect", "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.FOUND);
        assertThat(get("SRV indirect preserve", "s1", HAS_S1)).isEqualTo(ResponseCookie.FOUND);
        assertThat(setCookies()).containsExactly("SRV=app");
    }

    @Test
    void otherNamesAreNotTouched() {
        serverSets("srv=app", "SRVX=app", "a=1, SRV=2", "SRV");

        assertThat(get("SRV insert", "s1", HAS_S1)).isEqualTo(ResponseCookie.NONE);
        assertThat(setCookies()).containsExactly("srv=app", "SRVX=app", "a=1, SRV=2", "SRV");
    }

    @Test
    void maxidleDatesTheInsertedCookie() {
        get("SRV insert maxidle 30s", "s1", RequestCookie.NONE);

        // HAProxy 2.6.12 at 1795449147: "set-cookie: SRV=s1|awRhP; path=/".
        assertThat(setCookies()).containsExactly("SRV=s1|awRhP; path=/");
    }

    @Test
    void maxlifeAddsTheFirstDate() {
        get("SRV insert maxlife 60s", "s1", RequestCookie.NONE);

        assertThat(setCookies()).containsExactly("SRV=s1|awRhP|awRhP; path=/");
    }

    @Test
    void aValidCookieIsRefreshedOnceItsLastDateHasPassed() {
        CookiePersistence p = persistence("SRV insert maxidle 30s");

        RequestCookie fresh = p.evaluate("s1|" + CookieDate.encode(NOW));
        assertThat(p.onResponse(200, HttpMethod.GET, response, "s1", fresh)).isEqualTo(ResponseCookie.NONE);

        RequestCookie stale = p.evaluate("s1|" + CookieDate.encode(NOW - 8));
        assertThat(p.onResponse(200, HttpMethod.GET, response, "s1", stale)).isEqualTo(ResponseCookie.UPDATED);
        assertThat(setCookies()).containsExactly("SRV=s1|awRhP; path=/");
        assertThat(ResponseCookie.UPDATED.logChar()).isEqualTo('U');
    }

    @Test
    void anUndatedValidCookieGetsADate() {
        CookiePersistence p = persistence("SRV insert maxidle 30s");

        assertThat(p.onResponse(200, HttpMethod.GET, response, "s1", p.evaluate("s1"))).isEqualTo(ResponseCookie.UPDATED);
        assertThat(setCookies()).containsExactly("SRV=s1|awRhP; path=/");
    }

    @Test
    void maxlifeKeepsTheFirstDateTheClientBrought() {
        CookiePersistence p = persistence("SRV insert maxidle 30s maxlife 60s");
        RequestCookie request = p.evaluate("s1|" + CookieDate.encode(NOW - 8) + "|" + CookieDate.encode(NOW - 28));

        assertThat(p.onResponse(200, HttpMethod.GET, response, "s1", request)).isEqualTo(ResponseCookie.UPDATED);
        assertThat(setCookies()).containsExactly("SRV=s1|awRhP|" + CookieDate.encode(NOW - 28) + "; path=/");
    }

    @Test
    void maxlifeAddsAMissingFirstDateToAValidCookie() {
        CookiePersistence p = persistence("SRV insert maxlife 60s");

        assertThat(p.onResponse(200, HttpMethod.GET, response, "s1", p.evaluate("s1|" + CookieDate.encode(NOW))))
                .isEqualTo(ResponseCookie.UPDATED);
        assertThat(setCookies()).containsExactly("SRV=s1|awRhP|awRhP; path=/");
    }

    @Test
    void aFirstDateNoLongerWantedIsDropped() {
        CookiePersistence p = persistence("SRV insert maxidle 30s");
        RequestCookie request = p.evaluate("s1|" + CookieDate.encode(NOW) + "|" + CookieDate.encode(NOW - 100));

        assertThat(p.onResponse(200, HttpMethod.GET, response, "s1", request)).isEqualTo(ResponseCookie.UPDATED);
        assertThat(setCookies()).containsExactly("SRV=s1|awRhP; path=/");
    }

    @Test
    void aRedispatchedClientKeepsItsFirstDate() {
        // The client named s1 (down, say) and was served by s2: HAProxy carries the first date over.
        CookiePersistence p = persistence("SRV insert maxidle 30s maxlife 60s");
        RequestCookie request = p.evaluate("s1|" + CookieDate.encode(NOW) + "|" + CookieDate.encode(NOW - 28));

        assertThat(p.onResponse(200, HttpMethod.GET, response, "s2", request)).isEqualTo(ResponseCookie.INSERTED);
        assertThat(setCookies()).containsExactly("SRV=s2|awRhP|" + CookieDate.encode(NOW - 28) + "; path=/");
    }

    @Test
    void interimResponsesAreLeftAloneButNot101() {
        CookiePersistence p = persistence("SRV insert");
        serverSets("SRV=app");

        assertThat(p.onResponse(100, HttpMethod.GET, response, "s1", RequestCookie.NONE)).isEqualTo(ResponseCookie.NONE);
        assertThat(setCookies()).containsExactly("SRV=app");
        assertThat(p.onResponse(101, HttpMethod.GET, response, "s1", RequestCookie.NONE))
                .isEqualTo(ResponseCookie.INSERTED);
        assertThat(setCookies()).containsExactly("SRV=s1; path=/");
    }

    @Test
    void theValueHelperAddsDatesOnlyWhenConfigured() {
        assertThat(persistence("SRV insert").cookieValue("s1", 0)).isEqualTo("s1");
        assertThat(persistence("SRV insert maxidle 1m").cookieValue("s1", 0)).isEqualTo("s1|awRhP");
        assertThat(persistence("SRV insert maxlife 1h").cookieValue("s1", 0)).isEqualTo("s1|awRhP|awRhP");
        assertThat(persistence("SRV insert maxlife 1h").cookieValue("s1", 1_795_449_000L))
                .isEqualTo("s1|awRhP|" + CookieDate.encode(1_795_449_000L));
    }
}
