package io.tollgate.engine.acl;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The converters Tollgate applies in sample expressions, by keyword. HAProxy converters not in
 * the table are refused as "not supported yet" rather than as unknown, so an operator can tell
 * a typo from a missing feature.
 */
final class Converters {
    @FunctionalInterface
    private interface Factory {
        Converter create(String keyword, String[] args) throws AclException;
    }

    private static final Map<String, Factory> TABLE = new HashMap<>();
    private static final Set<String> HAPROXY_ONLY = Set.of("sdbm", "djb2", "crc32", "crc32c", "xxh32",
            "xxh3", "xxh64", "wt6", "json", "json_query", "sha1", "sha2", "digest", "hmac", "aes_gcm_dec",
            "in_table", "debug", "set-var", "unset-var", "concat", "strcmp", "secure_memcmp", "ltime", "utime",
            "http_date", "language", "protobuf", "ungrpc", "cut_crlf", "ltrim", "rtrim", "host_only", "port_only",
            "be2dec", "be2hex", "bytes", "capture-req", "capture-res", "ipv6", "jwt_header_query",
            "jwt_payload_query", "jwt_verify", "mqtt_field_value", "mqtt_is_valid", "nbsrv", "url_enc",
            "fix_is_valid", "fix_tag_value", "cpl", "hex2i", "iif", "param", "swap-case");

    static {
        TABLE.put("lower", fixed(v -> v.toLowerCase(Locale.ROOT)));
        TABLE.put("upper", fixed(v -> v.toUpperCase(Locale.ROOT)));
        TABLE.put("length", fixed(v -> Integer.toString(v.length())));
        TABLE.put("base64", fixed(v -> Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.ISO_8859_1))));
        TABLE.put("b64dec", fixed(Converters::base64Decode));
        TABLE.put("hex", fixed(v -> HexFormat.of().withUpperCase().formatHex(v.getBytes(StandardCharsets.ISO_8859_1))));
        TABLE.put("url_dec", fixed(Converters::urlDecode));
        TABLE.put("bool", fixed(v -> integer(v) != 0 ? "1" : "0"));
        TABLE.put("not", fixed(v -> integer(v) != 0 ? "0" : "1"));
        TABLE.put("neg", fixed(v -> Long.toString(-integer(v))));
        TABLE.put("odd", fixed(v -> (integer(v) & 1) == 1 ? "1" : "0"));
        TABLE.put("even", fixed(v -> (integer(v) & 1) == 0 ? "1" : "0"));
        TABLE.put("add", (k, a) -> arithmetic(k, a, Long::sum));
        TABLE.put("sub", (k, a) -> arithmetic(k, a, (x, y) -> x - y));
        TABLE.put("mul", (k, a) -> arithmetic(k, a, (x, y) -> x * y));
        TABLE.put("div", (k, a) -> arithmetic(k, a, (x, y) -> y == 0 ? Long.MAX_VALUE : x / y));
        TABLE.put("mod", (k, a) -> arithmetic(k, a, (x, y) -> y == 0 ? 0 : x % y));
        TABLE.put("and", (k, a) -> arithmetic(k, a, (x, y) -> x & y));
        TABLE.put("or", (k, a) -> arithmetic(k, a, (x, y) -> x | y));
        TABLE.put("xor", (k, a) -> arithmetic(k, a, (x, y) -> x ^ y));
        TABLE.put("field", Converters::field);
        TABLE.put("word", Converters::word);
        TABLE.put("regsub", Converters::regsub);
        TABLE.put("ipmask", Converters::ipmask);
    }

    private Converters() {
    }

    static Converter compile(String word, String expression) throws AclException {
        int paren = word.indexOf('(');
        String keyword = paren < 0 ? word : word.substring(0, paren);
        if (MapConverter.handles(keyword)) {
            return MapConverter.create(keyword, SampleExpression.arguments(keyword, word, paren));
        }
        Factory factory = TABLE.get(keyword);
        if (factory == null) {
            HaproxyFetches.refuseLua(keyword);
            if (HAPROXY_ONLY.contains(keyword) || keyword.startsWith("table_")) {
                throw new AclException("converter '" + keyword + "' in sample expression '" + expression
                        + "' is not supported yet by Tollgate.");
            }
            throw new AclException("unknown converter '" + keyword + "' in sample expression '" + expression + "'.");
        }
        return factory.create(keyword, SampleExpression.arguments(keyword, word, paren));
    }

    private static Factory fixed(java.util.function.UnaryOperator<String> f) {
        return (k, a) -> {
            if (a.length > 0) {
                throw new AclException("converter '" + k + "' does not take arguments.");
            }
            return (v, r) -> f.apply(v);
        };
    }

    private static Converter arithmetic(String k, String[] a, java.util.function.LongBinaryOperator op)
            throws AclException {
        if (a.length != 1) {
            throw new AclException("converter '" + k + "' expects one integer argument.");
        }
        long operand = number(k, a[0]);
        return (v, r) -> Long.toString(op.applyAsLong(integer(v), operand));
    }

    /** field(<index>,<delimiters>[,<count>]): fields counted from 1, negative from the end. */
    private static Converter field(String k, String[] a) throws AclException {
        if (a.length < 2 || a.length > 3) {
            throw new AclException("converter 'field' expects <index>,<delimiters>[,<count>].");
        }
        int index = (int) number(k, a[0]);
        String delimiters = a[1];
        int count = a.length > 2 ? (int) number(k, a[2]) : 1;
        if (index == 0) {
            throw new AclException("converter 'field' : index must not be 0.");
        }
        return (v, r) -> pieces(v, delimiters, index, count, false);
    }

    /** word(<index>,<delimiters>[,<count>]): like field but consecutive delimiters count once. */
    private static Converter word(String k, String[] a) throws AclException {
        if (a.length < 2 || a.length > 3) {
            throw new AclException("converter 'word' expects <index>,<delimiters>[,<count>].");
        }
        int index = (int) number(k, a[0]);
        String delimiters = a[1];
        int count = a.length > 2 ? (int) number(k, a[2]) : 1;
        if (index == 0) {
            throw new AclException("converter 'word' : index must not be 0.");
        }
        return (v, r) -> pieces(v, delimiters, index, count, true);
    }

    private static String pieces(String v, String delimiters, int index, int count, boolean words) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i <= v.length(); i++) {
            if (i == v.length() || delimiters.indexOf(v.charAt(i)) >= 0) {
                if (!words || i > start) {
                    parts.add(v.substring(start, i));
                }
                start = i + 1;
            }
        }
        int from = index > 0 ? index - 1 : parts.size() + index;
        if (from < 0 || from >= parts.size()) {
            return "";
        }
        int to = count <= 0 ? parts.size() : Math.min(parts.size(), from + count);
        return String.join(delimiters.isEmpty() ? "" : delimiters.substring(0, 1), parts.subList(from, to));
    }

    /** regsub(<regex>,<replacement>[,<flags>]): flags 'i' (ignore case) and 'g' (every match). */
    private static Converter regsub(String k, String[] a) throws AclException {
        if (a.length < 2 || a.length > 3) {
            throw new AclException("converter 'regsub' expects <regex>,<replacement>[,<flags>].");
        }
        String flags = a.length > 2 ? a[2] : "";
        Pattern pattern;
        try {
            pattern = Pattern.compile(a[0], flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new AclException("converter 'regsub' : invalid regex '" + a[0] + "' : " + e.getDescription() + ".");
        }
        String replacement = backReferences(a[1]);
        boolean global = flags.contains("g");
        return (v, r) -> {
            Matcher m = pattern.matcher(v);
            return global ? m.replaceAll(replacement) : m.replaceFirst(replacement);
        };
    }

    /** ipmask(<mask v4>[,<mask v6>]): keeps the network part of an address. */
    private static Converter ipmask(String k, String[] a) throws AclException {
        if (a.length < 1 || a.length > 2) {
            throw new AclException("converter 'ipmask' expects <mask>[,<ipv6 mask>].");
        }
        int v4 = prefix(a[0], 32);
        int v6 = a.length > 1 ? prefix(a[1], 128) : 128;
        return (v, r) -> {
            InetAddress addr = IpTest.parse(v, 0, v.length());
            if (addr == null) {
                return null;
            }
            byte[] bytes = addr.getAddress();
            int keep = bytes.length == 4 ? v4 : v6;
            for (int i = 0; i < bytes.length; i++) {
                int bits = Math.max(0, Math.min(8, keep - i * 8));
                bytes[i] &= (byte) (0xff << (8 - bits));
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        };
    }

    private static int prefix(String mask, int max) throws AclException {
        if (mask.contains(".")) {
            InetAddress a = IpTest.parse(mask, 0, mask.length());
            if (a == null) {
                throw new AclException("converter 'ipmask' : invalid mask '" + mask + "'.");
            }
            int bits = 0;
            for (byte b : a.getAddress()) {
                bits += Integer.bitCount(b & 0xff);
            }
            return bits;
        }
        try {
            int bits = Integer.parseInt(mask);
            if (bits < 0 || bits > max) {
                throw new NumberFormatException();
            }
            return bits;
        } catch (NumberFormatException e) {
            throw new AclException("converter 'ipmask' : invalid mask '" + mask + "'.");
        }
    }

    /** HAProxy's replacements write {@code \1}; Java's write {@code $1}. */
    static String backReferences(String replacement) {
        StringBuilder sb = new StringBuilder(replacement.length());
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                sb.append('$').append(replacement.charAt(++i));
            } else if (c == '$' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static long number(String k, String s) throws AclException {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new AclException("converter '" + k + "' : '" + s + "' is not an integer.");
        }
    }

    /** Text read as HAProxy casts it to an integer: the leading digits, 0 when there are none. */
    private static long integer(String v) {
        return IntTest.leadingInteger(v, 0, v.length());
    }

    private static String base64Decode(String v) {
        try {
            return new String(Base64.getDecoder().decode(v), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String urlDecode(String v) {
        try {
            return URLDecoder.decode(v, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
