package io.tollgate.engine.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A backend's {@code cookie <name> [rewrite|insert|prefix] [indirect] [nocache] [postonly]
 * [preserve] [httponly] [secure] [domain <domain>]* [maxidle <idle>] [maxlife <life>] [dynamic]
 * [attr <value>]*} line, checked as HAProxy 2.6 checks it ({@code cfgparse-listen.c}).
 *
 * @param name       the cookie name, matched case-sensitively
 * @param mode       {@link CookieMode#PASSIVE} when none of insert, rewrite or prefix is given
 * @param domains    each becomes {@code ; domain=<d>} on inserted cookies, in order
 * @param maxIdle    seconds, 0 when not set
 * @param maxLife    seconds, 0 when not set
 * @param dynamic    servers without a {@code cookie} get one derived from
 *                   {@code dynamic-cookie-key}, address and port (not computed here)
 * @param attributes each becomes {@code ; <value>} on inserted cookies, in order
 */
public record CookieSettings(String name, CookieMode mode, boolean indirect, boolean nocache, boolean postonly,
                             boolean preserve, boolean httpOnly, boolean secure, List<String> domains, int maxIdle,
                             int maxLife, boolean dynamic, List<String> attributes) {

    public CookieSettings {
        Objects.requireNonNull(mode, "mode");
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("cookie name is empty");
        }
        domains = List.copyOf(domains);
        attributes = List.copyOf(attributes);
        if (maxIdle < 0 || maxLife < 0) {
            throw new IllegalArgumentException("maxidle and maxlife are seconds >= 0 (got " + maxIdle + ", " + maxLife + ")");
        }
    }

    /**
     * Reads the words after {@code cookie} (name first). Errors are HAProxy's messages, without
     * the {@code parsing [file:line] :} that the caller adds; so are the warnings handed to
     * {@code warnings} (a domain without a dot, junk after a time unit).
     *
     * @throws IllegalArgumentException on anything HAProxy refuses
     */
    public static CookieSettings parse(List<String> words, Consumer<String> warnings) {
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new IllegalArgumentException("'cookie' expects <cookie_name> as argument.");
        }
        boolean rewrite = false;
        boolean insert = false;
        boolean prefix = false;
        boolean indirect = false;
        boolean nocache = false;
        boolean postonly = false;
        boolean preserve = false;
        boolean httpOnly = false;
        boolean secure = false;
        boolean dynamic = false;
        int maxIdle = 0;
        int maxLife = 0;
        List<String> domains = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        // HAProxy stops at the first empty word, as C strings end there.
        for (int i = 1; i < words.size() && !words.get(i).isEmpty(); i++) {
            String word = words.get(i);
            String value = i + 1 < words.size() ? words.get(i + 1) : "";
            switch (word) {
                case "rewrite" -> rewrite = true;
                case "insert" -> insert = true;
                case "prefix" -> prefix = true;
                case "indirect" -> indirect = true;
                case "nocache" -> nocache = true;
                case "postonly" -> postonly = true;
                case "preserve" -> preserve = true;
                case "httponly" -> httpOnly = true;
                case "secure" -> secure = true;
                case "dynamic" -> dynamic = true;
                case "domain" -> {
                    domains.add(domain(value, warnings));
                    i++;
                }
                case "maxidle" -> {
                    maxIdle = seconds(value, "maxidle", "<idletime>", warnings);
                    i++;
                }
                case "maxlife" -> {
                    maxLife = seconds(value, "maxlife", "<lifetime>", warnings);
                    i++;
                }
                case "attr" -> {
                    attributes.add(attribute(value));
                    i++;
                }
                default -> throw new IllegalArgumentException("'cookie' supports 'rewrite', 'insert', 'prefix', "
                        + "'indirect', 'nocache', 'postonly', 'domain', 'maxidle', 'dynamic', 'maxlife' and 'attr' "
                        + "options (got '" + word + "').");
            }
        }
        if (rewrite && indirect) {
            throw new IllegalArgumentException("cookie 'rewrite' and 'indirect' modes are incompatible.");
        }
        if ((rewrite ? 1 : 0) + (insert ? 1 : 0) + (prefix ? 1 : 0) > 1) {
            throw new IllegalArgumentException("cookie 'rewrite', 'insert' and 'prefix' modes are incompatible.");
        }
        if (preserve && !insert && !indirect) {
            throw new IllegalArgumentException("cookie 'preserve' requires at least 'insert' or 'indirect'.");
        }
        CookieMode mode = insert ? CookieMode.INSERT
                : rewrite ? CookieMode.REWRITE
                : prefix ? CookieMode.PREFIX
                : CookieMode.PASSIVE;
        return new CookieSettings(words.get(0), mode, indirect, nocache, postonly, preserve, httpOnly, secure, domains,
                maxIdle, maxLife, dynamic, attributes);
    }

    /** Whether inserted cookies carry dates, which requests are then checked against. */
    public boolean hasDates() {
        return maxIdle > 0 || maxLife > 0;
    }

    private static String domain(String domain, Consumer<String> warnings) {
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("'domain' expects <domain> as argument.");
        }
        if (domain.indexOf('.') < 0) {
            // RFC 6265 5.2.3: user agents may ignore a Domain attribute naming a bare host.
            warnings.accept("domain '" + domain + "' contains no embedded dot, this configuration may not work "
                    + "properly (see RFC6265#5.2.3).");
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!isAsciiAlnum(c) && c != '.' && c != '_' && c != '-') {
                throw new IllegalArgumentException("character '" + c + "' is not permitted in domain name '"
                        + domain + "'.");
            }
        }
        return domain;
    }

    private static int seconds(String value, String keyword, String what, Consumer<String> warnings) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + keyword + "' expects " + what + " in seconds as argument.");
        }
        return CookieSeconds.parse(value, keyword, warnings);
    }

    private static String attribute(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'attr' expects <value> as argument.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // A ';' would start another attribute, a control character would break the header.
            if (c < 0x20 || c == 0x7f || c == ';') {
                throw new IllegalArgumentException(String.format(
                        "character '%%x%02X' is not permitted in attribute value.", (int) c));
            }
        }
        return value;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
