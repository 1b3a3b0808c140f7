package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A section's {@code http-check} rules while it is parsed (inherited from defaults), turned into
 * an {@link HttpCheckDefinition} once the section is complete and {@code option httpchk} holds.
 */
final class HttpCheckRules {
    /** {@code option httpchk} as selected: its legacy request line, completed by {@code http-check send}. */
    record Selected(String method, String uri, String version, List<Map.Entry<String, String>> headers)
            implements CheckDefinition {
        @Override
        public String type() {
            return "httpchk";
        }
    }

    String method;
    String uri;
    String version;
    String body;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    final List<HttpCheckDefinition.Expect> expects = new ArrayList<>();
    boolean disableOn404;
    boolean sendState;
    /** Any rule written, to warn when no {@code option httpchk} uses them. */
    boolean used;

    HttpCheckRules copy() {
        HttpCheckRules c = new HttpCheckRules();
        c.method = method;
        c.uri = uri;
        c.version = version;
        c.body = body;
        c.headers.addAll(headers);
        c.expects.addAll(expects);
        c.disableOn404 = disableOn404;
        c.sendState = sendState;
        c.used = used;
        return c;
    }

    /** The check to run: {@code send} values win over the option's request line. */
    HttpCheckDefinition definition(Selected option) {
        List<Map.Entry<String, String>> all = new ArrayList<>(option.headers());
        all.addAll(headers);
        return new HttpCheckDefinition(method != null ? method : option.method(), uri != null ? uri : option.uri(),
                version != null ? version : option.version(), List.copyOf(all), body == null ? "" : body,
                List.copyOf(expects), disableOn404, sendState);
    }
}
