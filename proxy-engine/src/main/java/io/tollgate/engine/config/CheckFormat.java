package io.tollgate.engine.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A log-format string of a health check ({@code tcp-check send-lf}, {@code expect string-lf},
 * {@code on-success}, {@code on-error}), in the subset Tollgate evaluates for checks: text,
 * {@code %%}, and the server's and backend's names and ids ({@code %[srv_name]},
 * {@code %[be_name]}, {@code %[srv_id]}, {@code %[be_id]}), each optionally converted with
 * {@code ,hex}. A check has no client session, so the other fetches and the {@code %x} aliases
 * would mostly render nothing; they are refused rather than guessed at. {@code text} is the string
 * as written, for messages; {@code parts} are what it renders to.
 */
public record CheckFormat(String text, List<Part> parts) {
    private static final List<String> FETCHES = List.of("srv_name", "be_name", "srv_id", "be_id");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Literal text, or a fetch ({@code literal} null) with its {@code hex} conversion. */
    public record Part(String literal, String fetch, boolean hex) {
    }

    public CheckFormat {
        parts = List.copyOf(parts);
    }

    /** Text taken as it is (a plain {@code send}, {@code expect string}). */
    static CheckFormat literal(String text) {
        return new CheckFormat(text, List.of(new Part(text, null, false)));
    }

    /** Whether the result does not depend on the server, so it can be rendered once. */
    public boolean isLiteral() {
        return parts.stream().allMatch(p -> p.literal() != null);
    }

    /** The text for one server: {@code serverId} and {@code backendId} are the stats' {@code sid} and {@code iid}. */
    public String render(String serverName, int serverId, String backendName, int backendId) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (Part p : parts) {
            if (p.literal() != null) {
                b.append(p.literal());
                continue;
            }
            boolean number = p.fetch().endsWith("_id");
            String value = switch (p.fetch()) {
                case "srv_name" -> serverName;
                case "be_name" -> backendName;
                case "srv_id" -> Integer.toString(serverId);
                default -> Integer.toString(backendId);
            };
            if (!p.hex()) {
                b.append(value);
            } else if (number) {
                // HAProxy casts an integer to 8 bytes in network order before 'hex'
                long v = Long.parseLong(value);
                for (int shift = 60; shift >= 0; shift -= 4) {
                    b.append(HEX[(int) (v >>> shift) & 0xF]);
                }
            } else {
                for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
                    b.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
                }
            }
        }
        return b.toString();
    }

    /**
     * Reads {@code text}; {@code label} starts the error messages ({@code 'tcp-check send-lf'}).
     * Messages follow HAProxy's {@code parse_logformat_string()} where the string is wrong for it too.
     */
    static CheckFormat parse(String label, String text) throws KeywordException {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (next == '%') {
                literal.append('%');
                i += 2;
                continue;
            }
            if (next != '[') {
                throw unsupported(label, text);
            }
            int close = text.indexOf(']', i);
            if (close < 0) {
                throw new KeywordException(label + " : '" + text + "' invalid log-format string (missing ending ']' "
                        + "in sample expression).");
            }
            if (!literal.isEmpty()) {
                parts.add(new Part(literal.toString(), null, false));
                literal.setLength(0);
            }
            parts.add(fetch(label, text, text.substring(i + 2, close)));
            i = close + 1;
        }
        if (!literal.isEmpty() || parts.isEmpty()) {
            parts.add(new Part(literal.toString(), null, false));
        }
        return new CheckFormat(text, parts);
    }

    private static Part fetch(String label, String text, String expression) throws KeywordException {
        String[] words = expression.split(",", -1);
        String name = words[0].strip();
        boolean hex = words.length == 2 && words[1].strip().equals("hex");
        if (!FETCHES.contains(name) || words.length > 2 || (words.length == 2 && !hex)) {
            throw unsupported(label, text);
        }
        return new Part(null, name, hex);
    }

    private static KeywordException unsupported(String label, String text) {
        return new KeywordException(label + " : log-format string '" + text + "' is not supported yet by Tollgate: "
                + "health checks accept text, '%%', and %[srv_name], %[be_name], %[srv_id] or %[be_id], "
                + "optionally followed by ',hex'.");
    }
}
