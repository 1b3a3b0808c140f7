package io.tollgate.engine.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code http-errors} section of a configuration, by name. Immutable: {@link #plus} gives
 * a new set, refusing a second section of the same name as HAProxy does.
 */
public final class HttpErrorsSections {
    private static final HttpErrorsSections NONE = new HttpErrorsSections(Map.of());

    private final Map<String, HttpErrorsSection> byName;

    private HttpErrorsSections(Map<String, HttpErrorsSection> byName) {
        this.byName = byName;
    }

    public static HttpErrorsSections none() {
        return NONE;
    }

    public HttpErrorsSections plus(HttpErrorsSection section) throws ReplyException {
        HttpErrorsSection existing = byName.get(section.name());
        if (existing != null) {
            throw new ReplyException("http-errors section '" + section.name() + "' already exists (declared at "
                    + existing.declaredAt() + ").");
        }
        Map<String, HttpErrorsSection> more = new LinkedHashMap<>(byName);
        more.put(section.name(), section);
        return new HttpErrorsSections(Collections.unmodifiableMap(more));
    }

    public Optional<HttpErrorsSection> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public String toString() {
        return "HttpErrorsSections" + byName.keySet();
    }
}
