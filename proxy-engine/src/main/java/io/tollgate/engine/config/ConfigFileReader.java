package io.tollgate.engine.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads one configuration file the way HAProxy 2.6's {@code readcfgfile()} does and hands each
 * meaningful line to a {@link LineSink}: splits on LF (a missing LF after the last line is an
 * error in 2.6), tokenizes with {@link LineTokenizer}, drops words from the first empty one on
 * (HAProxy's keyword parsers stop there), runs the {@code .if} blocks and the {@code .alert},
 * {@code .warning}, {@code .notice} and {@code .diag} directives, and strips the {@code no} and
 * {@code default} prefixes. Indentation means nothing, as in HAProxy.
 */
final class ConfigFileReader {
    /** HAProxy's MAX_LINE_ARGS. */
    static final int MAX_WORDS = 64;

    /** The keywords HAProxy 2.6 accepts a "no"/"default" prefix on. */
    private static final Set<String> NEGATABLE = Set.of("option", "log", "busy-polling", "set-dumpable",
            "strict-limits", "insecure-fork-wanted", "numa-cpu-mapping");

    /** Where the lines go: the section dispatcher. */
    interface LineSink {
        void accept(Line line);

        /** The current section's name, for the {@code .SECTION} pseudo-variable. */
        String sectionName();
    }

    private final String file;
    private final UnaryOperator<String> env;
    private final Problems problems;
    private final LineSink sink;
    private final ConditionalBlocks blocks = new ConditionalBlocks();
    private int lineNumber;

    private ConfigFileReader(String file, UnaryOperator<String> env, Problems problems, LineSink sink) {
        this.file = file;
        this.env = env;
        this.problems = problems;
        this.sink = sink;
    }

    /** Reads {@code content}, reporting it as {@code file} in messages. */
    static void read(String file, byte[] content, UnaryOperator<String> env, Problems problems, LineSink sink) {
        new ConfigFileReader(file, env, problems, sink).run(content);
    }

    private void run(byte[] content) {
        int start = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            boolean hasLf = end >= 0;
            int stop = hasLf ? end : content.length;
            lineNumber++;
            String raw = new String(content, start, stop - start, StandardCharsets.UTF_8);
            if (!readLine(raw)) {
                return;
            }
            if (!hasLf) {
                problems.alert(here(), "Missing LF on last line, file might have been truncated at position "
                        + (stop - start + 1) + ".");
            }
            start = stop + 1;
        }
        if (blocks.isOpen()) {
            problems.alert(here(), "non-terminated '.if' block.");
        }
    }

    /** Handles one raw line; false when HAProxy would abort reading the file. */
    private boolean readLine(String raw) {
        if (raw.stripLeading().startsWith("[")) {
            // HAProxy's "[scope]" lines only label messages; they carry no configuration.
            return true;
        }
        LineTokenizer.Result result = LineTokenizer.tokenize(raw, this::variable);
        if (result.isError()) {
            problems.alert(here(), result.error() + ": " + raw.strip());
            return true;
        }
        if (result.words().size() > MAX_WORDS) {
            problems.alert(here(), "too many words, truncating after word " + MAX_WORDS + ".");
            return true;
        }
        List<String> words = untilEmpty(result.words());
        if (words.isEmpty()) {
            return true;
        }
        if (words.get(0).startsWith(".")) {
            return directive(words);
        }
        if (!blocks.isMasked()) {
            deliver(words);
        }
        return true;
    }

    private boolean directive(List<String> words) {
        String name = words.get(0);
        String expression = String.join(" ", words.subList(1, words.size()));
        try {
            switch (name) {
                case ".if" -> blocks.openIf(() -> ConditionExpression.evaluate(expression, env));
                case ".elif" -> blocks.elseIf(() -> ConditionExpression.evaluate(expression, env));
                case ".else" -> {
                    noArguments(words);
                    blocks.otherwise();
                }
                case ".endif" -> {
                    noArguments(words);
                    blocks.close();
                }
                default -> {
                    if (!blocks.isMasked()) {
                        return message(words);
                    }
                }
            }
        } catch (KeywordException e) {
            problems.alert(here(), e.getMessage() + (name.equals(".if") || name.equals(".elif")
                    ? " in '" + name + "': " + expression : ""));
            return false;
        }
        return true;
    }

    /** {@code .alert}, {@code .warning}, {@code .notice}, {@code .diag}; false after {@code .alert}. */
    private boolean message(List<String> words) {
        String name = words.get(0);
        boolean known = Set.of(".alert", ".warning", ".notice", ".diag").contains(name);
        if (!known) {
            problems.alert(here(), "unknown directive '" + name + "'.");
            return true;
        }
        if (words.size() > 2) {
            problems.alert(here(), "Unexpected argument '" + words.get(2) + "' for '" + name
                    + "'. Use quotes if the message should contain spaces.");
            return true;
        }
        String text = words.size() > 1 ? words.get(1) : "";
        switch (name) {
            case ".alert" -> {
                problems.alert(here(), "'" + text + "'.");
                return false;
            }
            case ".warning" -> problems.warn(here(), "'" + text + "'.");
            // .notice and .diag print NOTICE/DIAG lines in HAProxy, which are neither warnings
            // nor errors: a check result does not change because of them.
            default -> { }
        }
        return true;
    }

    private void deliver(List<String> words) {
        Line.Modifier modifier = switch (words.get(0)) {
            case "no" -> Line.Modifier.NO;
            case "default" -> Line.Modifier.DEFAULT;
            default -> Line.Modifier.NONE;
        };
        List<String> rest = modifier == Line.Modifier.NONE ? words : words.subList(1, words.size());
        if (rest.isEmpty()) {
            problems.alert(here(), "'" + words.get(0) + "' expects a keyword after it.");
            return;
        }
        if (modifier != Line.Modifier.NONE && !NEGATABLE.contains(rest.get(0))) {
            problems.alert(here(), "negation/default currently supported only for options, log, busy-polling,"
                    + " set-dumpable, strict-limits, insecure-fork-wanted and numa-cpu-mapping.");
            return;
        }
        sink.accept(new Line(here(), rest, modifier));
    }

    private static void noArguments(List<String> words) throws KeywordException {
        if (words.size() > 1) {
            throw new KeywordException("Unexpected argument '" + words.get(1) + "' for '" + words.get(0) + "'.");
        }
    }

    private String variable(String name) {
        return switch (name) {
            case ".LINE" -> Integer.toString(lineNumber);
            case ".FILE" -> file;
            case ".SECTION" -> sink.sectionName() == null ? "" : sink.sectionName();
            default -> name.startsWith(".") ? null : env.apply(name);
        };
    }

    private static List<String> untilEmpty(List<String> words) {
        int end = words.indexOf("");
        return end < 0 ? words : words.subList(0, end);
    }

    private Source here() {
        return new Source(file, lineNumber);
    }

    private static int indexOf(byte[] content, byte wanted, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
