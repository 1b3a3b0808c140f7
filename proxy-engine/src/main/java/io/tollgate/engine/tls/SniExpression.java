package io.tollgate.engine.tls;

import io.tollgate.engine.acl.RequestView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A server's {@code sni <expression>}: the name sent in the TLS handshake with the server. The
 * sample fetches Tollgate evaluates are {@code str(<name>)}, {@code req.hdr(<header>[,<occ>])}
 * (or {@code hdr}, {@code req.fhdr}) and {@code ssl_fc_sni} (the name the client asked this
 * listener for), followed by the converters {@code lower}, {@code upper} and
 * {@code field(<n>,<delimiters>)}, e.g. {@code req.hdr(host),field(1,:)} to drop a port.
 */
public final class SniExpression {
    private enum Kind { STR, HEADER, FULL_HEADER, CLIENT_SNI }

    private record Converter(String name, int field, String delimiters) {
    }

    private final String text;
    private final Kind kind;
    private final String argument;
    private final int occurrence;
    private final List<Converter> converters;

    private SniExpression(String text, Kind kind, String argument, int occurrence, List<Converter> converters) {
        this.text = text;
        this.kind = kind;
        this.argument = argument;
        this.occurrence = occurrence;
        this.converters = converters;
    }

    /**
     * @throws IllegalArgumentException with HAProxy's "error detected while parsing sni expression" message
     */
    public static SniExpression parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("'sni' : missing sni expression");
        }
        List<String[]> parts = split(text);
        String[] fetch = parts.get(0);
        Kind kind;
        String argument = null;
        int occurrence = -1;
        switch (fetch[0]) {
            case "str" -> {
                kind = Kind.STR;
                argument = requireArgument(fetch, "str");
            }
            case "req.hdr", "hdr", "req.fhdr" -> {
                kind = fetch[0].equals("req.fhdr") ? Kind.FULL_HEADER : Kind.HEADER;
                String[] args = requireArgument(fetch, fetch[0]).split(",", -1);
                argument = args[0].trim().toLowerCase(Locale.ROOT);
                if (args.length > 1) {
                    occurrence = integer(args[1].trim(), fetch[0]);
                }
            }
            case "ssl_fc_sni" -> kind = Kind.CLIENT_SNI;
            default -> throw new IllegalArgumentException("error detected while parsing sni expression : unknown fetch method '"
                    + fetch[0] + "' (Tollgate evaluates str(), req.hdr(), hdr(), req.fhdr() and ssl_fc_sni)");
        }
        List<Converter> converters = new ArrayList<>();
        for (String[] c : parts.subList(1, parts.size())) {
            switch (c[0]) {
                case "lower", "upper" -> converters.add(new Converter(c[0], 0, null));
                case "field" -> {
                    String[] args = requireArgument(c, "field").split(",", 2);
                    if (args.length < 2 || args[1].isEmpty()) {
                        throw new IllegalArgumentException("error detected while parsing sni expression : "
                                + "converter 'field' expects <index>,<delimiters>");
                    }
                    converters.add(new Converter("field", integer(args[0].trim(), "field"), args[1]));
                }
                default -> throw new IllegalArgumentException("error detected while parsing sni expression : "
                        + "converter '" + c[0] + "' is not supported yet by Tollgate (lower, upper and field are)");
            }
        }
        return new SniExpression(text, kind, argument, occurrence, List.copyOf(converters));
    }

    /** True when the name depends on the request or client ({@code req.hdr}, {@code ssl_fc_sni}), not only on the server. */
    public boolean dependsOnRequest() {
        return kind != Kind.STR;
    }

    /**
     * The name for one connection, or null when the sample does not exist (no such header, a
     * client without SNI): then no SNI is sent, as in HAProxy.
     *
     * @param request   the request being forwarded, or null (TCP mode, or unknown)
     * @param clientSni the name the client sent to the listener, read only when needed
     */
    public String evaluate(RequestView request, Supplier<String> clientSni) {
        String value = switch (kind) {
            case STR -> argument;
            case HEADER, FULL_HEADER -> request == null ? null : header(request);
            case CLIENT_SNI -> clientSni.get();
        };
        for (Converter c : converters) {
            if (value == null) {
                return null;
            }
            value = switch (c.name()) {
                case "lower" -> value.toLowerCase(Locale.ROOT);
                case "upper" -> value.toUpperCase(Locale.ROOT);
                default -> field(value, c.field(), c.delimiters());
            };
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** HAProxy's occurrence rule: n > 0 the n-th value, n < 0 the n-th from the end (-1: the last). */
    private String header(RequestView request) {
        List<String> values = new ArrayList<>();
        for (String line : request.headers(argument)) {
            if (kind == Kind.FULL_HEADER) {
                values.add(line.trim());
            } else {
                for (String v : line.split(",")) {
                    values.add(v.trim());
                }
            }
        }
        int i = occurrence > 0 ? occurrence - 1 : values.size() + occurrence;
        return i >= 0 && i < values.size() ? values.get(i) : null;
    }

    /** HAProxy's field(n,delims): n counts from 1, or from the end when negative. */
    private static String field(String value, int n, String delimiters) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || delimiters.indexOf(value.charAt(i)) >= 0) {
                fields.add(value.substring(start, i));
                start = i + 1;
            }
        }
        int i = n > 0 ? n - 1 : fields.size() + n;
        return n != 0 && i >= 0 && i < fields.size() ? fields.get(i) : null;
    }

    private static String requireArgument(String[] part, String name) {
        if (part[1] == null || part[1].isEmpty()) {
            throw new IllegalArgumentException("error detected while parsing sni expression : fetch method '" + name
                    + "' expects an argument");
        }
        return part[1];
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("error detected while parsing sni expression : '" + name
                    + "' expects an integer argument (got '" + text + "')");
        }
    }

    /** "a(b,c),d,e(f)" into {name, argument-or-null} pairs, commas inside parentheses kept. */
    private static List<String[]> split(String text) {
        List<String[]> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String part = text.substring(start, i);
                int open = part.indexOf('(');
                if (open < 0) {
                    parts.add(new String[] {part, null});
                } else if (!part.endsWith(")")) {
                    throw new IllegalArgumentException("error detected while parsing sni expression : missing closing ')' after '"
                            + part + "'");
                } else {
                    parts.add(new String[] {part.substring(0, open), part.substring(open + 1, part.length() - 1)});
                }
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("error detected while parsing sni expression : unbalanced parentheses in '" + text + "'");
        }
        return parts;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SniExpression e && e.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
