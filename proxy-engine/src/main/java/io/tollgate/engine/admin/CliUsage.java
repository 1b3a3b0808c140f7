package io.tollgate.engine.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HAProxy 2.6.12's command list ({@code cli-usage.txt}: the usage lines of its {@code help}, in
 * the order its keywords register, i.e. the link order of its objects, which decides between
 * equally close suggestions) and the messages built from it, as {@code cli_gen_usage_msg} builds them:
 * {@code help [<words>]}, and the answer to an unknown command, which suggests the commands
 * sharing its leading words, or the closest ones by {@link WordFingerprint}. The whole list is
 * shown at every level, as HAProxy 2.6 does (the level is enforced when a command runs), so
 * tools see the same list; it includes commands Tollgate answers as unknown.
 *
 * <p>Tollgate's own commands ({@code cli-usage-tollgate.txt}, such as {@code reopen logs}) are
 * listed with HAProxy's, sorted among them, since a user reading {@code help} needs them: in the
 * whole list, and when the first word is theirs (then chosen among themselves as HAProxy chooses
 * among its own). So they never push one of HAProxy's out of a suggestion list, nor appear where
 * nothing of theirs was typed: without their lines, every answer is HAProxy's.
 */
final class CliUsage {
    /** HAProxy's {@code CLI_MAX_MATCHES} and {@code CLI_PREFIX_KW_NB}. */
    private static final int MAX_MATCHES = 5;
    private static final int PREFIX_WORDS = 5;
    private static final String ALWAYS = """
              help [<command>]                        : list matching or all commands
              prompt                                  : toggle interactive mode with prompt
              quit                                    : disconnect
            """;

    /** One usage line and the keywords that name its command (the words before any argument). */
    private record Entry(List<String> keywords, String line) {
    }

    private static final List<Entry> HAPROXY = load("cli-usage.txt");
    private static final List<Entry> TOLLGATE = load("cli-usage-tollgate.txt");

    private CliUsage() {
    }

    /** {@code help [<words>]}: the commands matching the words, or all of them. */
    static String help(List<String> words) {
        return message("The following commands are valid at this level:\n", words);
    }

    /** The answer to a command line no command takes. */
    static String unknown(List<String> words) {
        boolean blank = words.isEmpty() || words.get(0).isEmpty();
        String head = blank && matchedWords(HAPROXY, words) == 0
                ? "Unknown command. Please enter one of the following commands only:\n"
                : "Unknown command, but maybe one of the following ones is a better match:\n";
        return message(head, words);
    }

    private static String message(String head, List<String> words) {
        List<Entry> picked = new ArrayList<>();
        boolean listedAll = pick(HAPROXY, words, picked);
        if (listedAll && matchedWords(HAPROXY, words) == 0) {
            picked.addAll(TOLLGATE);
        } else if (matchedWords(TOLLGATE, words) > 0) {
            pick(TOLLGATE, words, picked);
        }
        picked.sort((x, y) -> x.line.compareTo(y.line)); // strcmp on the usage, as HAProxy sorts
        StringBuilder out = new StringBuilder(head);
        for (Entry e : picked) {
            out.append("  ").append(e.line).append('\n');
        }
        return out.append(ALWAYS).toString();
    }

    /**
     * HAProxy's choice among {@code entries}: the closest commands past the words some command has,
     * or when none is close, every command starting with those words. True when it listed that way.
     */
    private static boolean pick(List<Entry> entries, List<String> words, List<Entry> picked) {
        int length = matchedWords(entries, words);
        if (words.size() > length) {
            List<Entry> close = closest(entries, words, length);
            if (!close.isEmpty()) {
                picked.addAll(close);
                return false;
            }
        }
        for (Entry e : entries) {
            if (startsWith(e, words, length)) {
                picked.add(e);
            }
        }
        return true;
    }

    /** The number of leading words some command has exactly. */
    private static int matchedWords(List<Entry> entries, List<String> words) {
        int best = 0;
        for (Entry e : entries) {
            int n = 0;
            while (n < Math.min(PREFIX_WORDS, Math.min(e.keywords.size(), words.size()))
                    && e.keywords.get(n).equals(words.get(n))) {
                n++;
            }
            best = Math.max(best, n);
        }
        return best;
    }

    private static boolean startsWith(Entry e, List<String> words, int length) {
        return e.keywords.size() >= length && e.keywords.subList(0, length).equals(words.subList(0, length));
    }

    /**
     * The five nearest commands among those sharing the first {@code length} words, by the
     * fingerprint distance of the remaining words, kept only when close enough (HAProxy's
     * thresholds: under 2.5 times the compared length, and within 2.5 times the best).
     */
    private static List<Entry> closest(List<Entry> entries, List<String> words, int length) {
        List<Entry> matches = new ArrayList<>();
        List<Integer> dists = new ArrayList<>();
        List<String> rest = words.subList(length, Math.min(PREFIX_WORDS, words.size()));
        for (Entry e : entries) {
            if (!startsWith(e, words, length)) {
                continue;
            }
            List<String> kwRest = e.keywords.subList(length, Math.min(PREFIX_WORDS, e.keywords.size()));
            int total = 0;
            for (String w : rest) {
                total += w.length();
            }
            for (String w : kwRest) {
                total += w.length();
            }
            int dist = WordFingerprint.distance(rest, kwRest);
            boolean better = matches.size() < MAX_MATCHES || dist < dists.get(MAX_MATCHES - 1);
            if (dist < 5 * total / 2 && better) {
                int at = 0;
                while (at < dists.size() && dists.get(at) <= dist) {
                    at++;
                }
                matches.add(at, e);
                dists.add(at, dist);
                if (matches.size() > MAX_MATCHES) {
                    matches.remove(MAX_MATCHES);
                    dists.remove(MAX_MATCHES);
                }
            }
        }
        List<Entry> kept = new ArrayList<>();
        for (int i = 0; i < matches.size() && dists.get(i) <= 5 * dists.get(0) / 2; i++) {
            kept.add(matches.get(i));
        }
        return kept;
    }

    private static List<Entry> load(String resource) {
        try (InputStream in = CliUsage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    entries.add(new Entry(keywords(line), line));
                }
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code get weight <bk>/<srv>  : ...} names {@code get weight}: words up to the first argument. */
    private static List<String> keywords(String line) {
        String usage = line.substring(0, line.indexOf(": ")).replace("]*", "] ");
        List<String> kw = new ArrayList<>();
        for (String w : usage.trim().split("\\s+")) {
            if ("[<{(@".indexOf(w.charAt(0)) >= 0) {
                break;
            }
            kw.add(w);
        }
        return List.copyOf(kw);
    }

    /** Splits a command line as the CLI does, on spaces and tabs. */
    static List<String> words(String line) {
        String t = line.trim();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("[ \\t]+"));
    }
}
