package io.tollgate.engine.config;

import java.util.List;

/**
 * A configuration line kept as words for a later issue to interpret (for example the global
 * {@code log} and {@code stats socket} lines), with where it came from.
 */
public record Directive(String keyword, List<String> args, Source source) {
}
