package io.tollgate.engine.config;

/**
 * The one contract of every keyword parser: a line and the mutable state of the section it
 * appears in go in; the parser updates the state, reports warnings to {@code problems}, or
 * throws a {@link KeywordException} saying what is wrong.
 *
 * @param <S> the section state ({@link GlobalState}, {@link ProxyState}, {@link UserlistState})
 */
@FunctionalInterface
interface Keyword<S> {
    void parse(Line line, S section, Problems problems) throws KeywordException;
}
