package io.tollgate.engine.config;

import java.util.List;
import java.util.Map;

/**
 * {@code option httpchk} with its {@code http-check} rules: the request a check sends and what
 * the response must show. {@code headers} keep the order written; {@code body} is "" when none.
 * Without expectations a 2xx or 3xx status passes; {@code disableOn404} makes a 404 a
 * conditional pass (the server goes NOLB); {@code sendState} adds HAProxy's
 * {@code X-Haproxy-Server-State} header.
 */
public record HttpCheckDefinition(String method, String uri, String version, List<Map.Entry<String, String>> headers,
                                  String body, List<Expect> expects, boolean disableOn404, boolean sendState)
        implements CheckDefinition {

    /**
     * One {@code http-check expect [!] <kind> <pattern>}: kind is {@code status}, {@code rstatus},
     * {@code string}, {@code rstring}, {@code hdr} or {@code fhdr} (header name and optional value
     * patterns in {@code pattern} and {@code value}). {@code okStatus}/{@code errorStatus}/
     * {@code timeoutStatus} are the check statuses to report instead of the defaults, or null.
     */
    public record Expect(boolean negated, String kind, String pattern, String value,
                         String okStatus, String errorStatus, String timeoutStatus) {
    }

    @Override
    public String type() {
        return "httpchk";
    }
}
