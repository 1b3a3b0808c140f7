package io.tollgate.engine.persist;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@code cookie SRV insert nocache} adds {@code cache-control: private}: each row is one
 * exchange through HAProxy 2.6.12 and whether it did. Headers are {@code name:value} pairs
 * separated by {@code ' | '}.
 */
class CacheabilityTest {
    @ParameterizedTest(name = "{0} {1} [{2}] -> {3}")
    @CsvSource(delimiter = ';', value = {
            "GET;     200; ;                                                     false",
            "GET;     200; Expires:Thu, 01 Jan 2099 00:00:00 GMT;                 true",
            "GET;     200; ETag:\"x\";                                            true",
            "GET;     200; Last-Modified:Thu, 01 Jan 2020 00:00:00 GMT;           true",
            "GET;     200; Cache-Control:max-age=60;                              true",
            "GET;     200; Cache-Control:MAX-AGE=60;                              true",
            "GET;     200; Cache-Control:s-maxage=60;                             true",
            // 2.6.12 predates the fix letting s-maxage override max-age=0.
            "GET;     200; Cache-Control:max-age=0, s-maxage=60;                  false",
            "GET;     200; Cache-Control:public;                                  false",
            "GET;     200; Cache-Control:private, max-age=60;                     false",
            "GET;     200; Cache-Control:max-age=60, private;                     false",
            "GET;     200; Cache-Control:max-age=60, no-cache=\"set-cookie\";     true",
            "GET;     200; Cache-Control:no-store | ETag:x;                       false",
            "GET;     200; Cache-Control:private, public | ETag:x;                true",
            "GET;     200; Cache-Control:no-cache, public | ETag:x;               true",
            "GET;     200; Cache-Control:max-age=60 | Cache-Control:private;      false",
            "GET;     200; Pragma:no-cache | ETag:\"x\";                          false",
            "GET;     200; Pragma:No-Cache | Cache-Control:public | ETag:x;       false",
            // Only the first Pragma header counts.
            "GET;     200; Pragma:x | Pragma:no-cache | ETag:x;                   true",
            "GET;     302; ETag:x;                                                false",
            "GET;     404; ETag:x;                                                true",
            "GET;     500; ETag:x;                                                false",
            "HEAD;    200; ETag:x;                                                true",
            "OPTIONS; 200; ETag:x;                                                true",
            "TRACE;   200; ETag:x;                                                true",
            "DELETE;  200; ETag:x;                                                false",
            "POST;    200; ETag:x;                                                false",
            "POST;    200; Cache-Control:public | ETag:x;                         true",
            "POST;    200; Cache-Control:public;                                  false",
            "GET;     200; Cache-Control:\"a,private\", max-age=1;                true",
    })
    void asHaproxyDecided(String method, int status, String headerList, boolean cacheable) {
        HttpHeaders headers = new DefaultHttpHeaders();
        if (headerList != null) {
            for (String header : headerList.split(" \\| ")) {
                int colon = header.indexOf(':');
                headers.add(header.substring(0, colon).strip(), header.substring(colon + 1));
            }
        }

        assertThat(Cacheability.isCacheable(HttpMethod.valueOf(method), status, headers)).isEqualTo(cacheable);
    }
}
