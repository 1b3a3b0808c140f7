package io.tollgate.engine.config;

import java.util.List;

/**
 * One configuration line after tokenizing: its words (the keyword first), where it came from,
 * and the {@code no}/{@code default} prefix HAProxy strips before looking the keyword up.
 * Missing arguments read as the empty string, as HAProxy's {@code args[]} do, so parsers can
 * test {@code line.arg(2).isEmpty()} instead of counting.
 */
record Line(Source source, List<String> words, Modifier modifier) {

    /** The keyword prefix: {@code no option x} negates, {@code default option x} resets. */
    enum Modifier { NONE, NO, DEFAULT }

    Line {
        words = List.copyOf(words);
    }

    Line(Source source, List<String> words) {
        this(source, words, Modifier.NONE);
    }

    String keyword() {
        return words.get(0);
    }

    /** The i-th word (0 is the keyword), or "" past the end. */
    String arg(int index) {
        return index < words.size() ? words.get(index) : "";
    }

    boolean has(int index) {
        return index < words.size();
    }

    int size() {
        return words.size();
    }

    /** The words from {@code from} on. */
    List<String> from(int from) {
        return from >= words.size() ? List.of() : words.subList(from, words.size());
    }

    boolean isNegated() {
        return modifier == Modifier.NO;
    }

    /** The line kept as a directive: keyword and its arguments. */
    Directive toDirective() {
        return new Directive(keyword(), from(1), source);
    }

    /** The words from {@code from} on joined by spaces, e.g. for a description. */
    String joined(int from) {
        return String.join(" ", from(from));
    }
}
