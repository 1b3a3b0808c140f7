package io.tollgate.engine.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parameters that follow the address on a {@code bind} or {@code server} line, as HAProxy's
 * {@code bind_kws}/{@code srv_kws}: each word has a number of arguments and a parser with the
 * same contract as a keyword (the parser sees a line made of the parameter and its arguments).
 */
final class ParamTable<S> {

    private record Param<S>(int arity, Keyword<S> parser) {
    }

    private final Map<String, Param<S>> params = new LinkedHashMap<>();

    ParamTable<S> add(String word, int arity, Keyword<S> parser) {
        if (params.putIfAbsent(word, new Param<>(arity, parser)) != null) {
            throw new IllegalStateException("parameter '" + word + "' registered twice");
        }
        return this;
    }

    ParamTable<S> addAll(Collection<String> words, int arity, Keyword<S> parser) {
        words.forEach(w -> add(w, arity, parser));
        return this;
    }

    /** A copy to which other entries can be added or in which some can be replaced. */
    ParamTable<S> copyReplacing(String word, int arity, Keyword<S> parser) {
        ParamTable<S> copy = new ParamTable<>();
        copy.params.putAll(params);
        copy.params.put(word, new Param<>(arity, parser));
        return copy;
    }

    /**
     * Applies {@code line}'s words from {@code from} on to {@code state}. Errors are prefixed
     * with {@code context} (e.g. {@code 'server b1/s1'}), as HAProxy does.
     */
    void apply(Line line, int from, S state, Problems problems, String context) throws KeywordException {
        apply(line, from, state, problems, context, word -> null);
    }

    /**
     * As {@link #apply(Line, int, Object, Problems, String)}, for a use that takes only some of the
     * words: {@code refusal} gives the error for a known word it does not take, or null.
     */
    void apply(Line line, int from, S state, Problems problems, String context,
               Function<String, String> refusal) throws KeywordException {
        int i = from;
        while (i < line.size()) {
            String word = line.arg(i);
            Param<S> param = params.get(word);
            if (param == null) {
                String best = WordFingerprint.bestMatch(word, params.keySet(), List.of());
                throw new KeywordException(context + " : unknown keyword '" + word + "'"
                        + (best == null ? "." : "; did you mean '" + best + "' maybe ?"));
            }
            String refused = refusal.apply(word);
            if (refused != null) {
                throw new KeywordException(context + " : " + refused);
            }
            if (i + param.arity() >= line.size()) {
                throw new KeywordException(context + " : '" + word + "' expects "
                        + (param.arity() == 1 ? "an argument." : param.arity() + " arguments."));
            }
            Line sub = new Line(line.source(), line.words().subList(i, i + param.arity() + 1));
            try {
                param.parser().parse(sub, state, problems);
            } catch (KeywordException e) {
                throw new KeywordException(context + " : " + e.getMessage());
            }
            i += param.arity() + 1;
        }
    }

    boolean contains(String word) {
        return params.containsKey(word);
    }
}
