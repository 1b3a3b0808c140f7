package io.tollgate.engine.acl;

/** One step after a fetch in a sample expression ({@code ,lower}, {@code ,field(2,:)}). */
@FunctionalInterface
interface Converter {
    /** The converted value, or null when the conversion yields no sample. */
    String apply(String value, RequestView request);
}
