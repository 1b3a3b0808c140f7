package io.tollgate.engine.persist;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays what real HAProxy 2.6.12 did to a few hundred request and response headers (see
 * {@link RecordedRequests} and {@link RecordedResponses}) and expects the same bytes.
 */
@Timeout(60)
class HaproxyRecordingTest {
    private static final long NOW = 1_795_449_147L;

    private static CookiePersistence persistence(String mode) {
        List<String> words = new ArrayList<>(List.of("SRV"));
        if (!mode.equals("passive")) {
            words.addAll(Arrays.asList(mode.split(" ")));
        }
        return new CookiePersistence(CookieSettings.parse(words, w -> { }), () -> NOW);
    }

    private static HttpHeaders headers(CharSequence name, List<String> values) {
        HttpHeaders headers = new DefaultHttpHeaders().add(HttpHeaderNames.HOST, "x");
        values.forEach(v -> headers.add(name, v));
        return headers.add(HttpHeaderNames.CONTENT_LENGTH, "0");
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} -> {2}")
    @MethodSource("io.tollgate.engine.persist.RecordedRequests#rows")
    void requestCookiesAreForwardedAsHaproxyDid(String mode, List<String> sent, List<String> forwarded, String value) {
        HttpHeaders headers = headers(HttpHeaderNames.COOKIE, sent);

        RequestCookie found = persistence(mode).onRequest(headers, v -> v.equals("s1") || v.equals("s2"));

        assertThat(headers.getAll(HttpHeaderNames.COOKIE)).containsExactlyElementsOf(forwarded);
        assertThat(headers.get(HttpHeaderNames.HOST)).isEqualTo("x");
        if (!RecordedRequests.UNSEEN.equals(value)) {
            assertThat(found.value()).isEqualTo(value);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}: Cookie {1}, {3} sets {2} -> {4}")
    @MethodSource("io.tollgate.engine.persist.RecordedResponses#rows")
    void responseCookiesAreSentAsHaproxyDid(String mode, String requestCookie, List<String> serverSet, String served,
                                            List<String> clientGot) {
        CookiePersistence persistence = persistence(mode);
        RequestCookie request = requestCookie == null ? RequestCookie.NONE
                : persistence.onRequest(headers(HttpHeaderNames.COOKIE, List.of(requestCookie)), "s1"::equals);
        HttpHeaders response = headers(HttpHeaderNames.SET_COOKIE, serverSet);

        persistence.onResponse(200, HttpMethod.GET, response, served.equals("s1") ? "s1" : null, request);

        assertThat(response.getAll(HttpHeaderNames.SET_COOKIE)).containsExactlyElementsOf(clientGot);
        assertThat(response.contains(HttpHeaderNames.CACHE_CONTROL)).isFalse();
    }
}
