package io.tollgate.engine.config;

import java.util.List;

/**
 * A {@code use_backend <name> [if|unless <condition>]} line, kept for the content-switching
 * issue. {@code condition} holds the words from {@code if}/{@code unless} on (empty when the
 * rule is unconditional). A name containing {@code %[} is a log-format expression resolved per
 * request, so it is not checked at load time.
 */
public record UseBackendRule(String backend, List<String> condition, Source source) {

    public boolean isDynamic() {
        return backend.contains("%[");
    }
}
