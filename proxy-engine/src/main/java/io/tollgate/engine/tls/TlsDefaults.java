package io.tollgate.engine.tls;

import java.util.List;

/**
 * The {@code global} section's TLS keywords: {@code crt-base} and {@code ca-base} (where
 * relative certificate and CA paths start), the {@code ssl-default-bind-*} and
 * {@code ssl-default-server-*} settings every {@code ssl} bind or server starts from, and
 * {@code ssl-server-verify}. Immutable; {@link Builder} applies the keywords one line at a time
 * with HAProxy's error messages.
 */
public record TlsDefaults(String crtBase, String caBase, TlsOptions bind, TlsOptions server, boolean serverVerifyRequired) {

    /** No global TLS keyword: servers verify certificates, as HAProxy 2.6 does by default. */
    public static final TlsDefaults NONE = new TlsDefaults(null, null, TlsOptions.NONE, TlsOptions.NONE, true);

    /** The keywords {@link Builder#apply} knows. */
    public static final List<String> KEYWORDS = List.of("crt-base", "ca-base", "ssl-default-bind-ciphers",
            "ssl-default-bind-ciphersuites", "ssl-default-bind-options", "ssl-default-server-ciphers",
            "ssl-default-server-ciphersuites", "ssl-default-server-options", "ssl-server-verify");

    /** {@code name} as HAProxy reads a {@code crt} path: after {@code crt-base} unless absolute. */
    public String crtPath(String name) {
        return based(crtBase, name);
    }

    /** {@code name} as HAProxy reads a {@code ca-file} path: after {@code ca-base} unless absolute. */
    public String caPath(String name) {
        return name.equals(CertificateFiles.SYSTEM_CA) ? name : based(caBase, name);
    }

    private static String based(String base, String name) {
        return base == null || name.startsWith("/") ? name : base + "/" + name;
    }

    /** Applies global TLS lines in order. */
    public static final class Builder {
        private String crtBase;
        private String caBase;
        private TlsOptions bind = TlsOptions.NONE;
        private TlsOptions server = TlsOptions.NONE;
        private boolean serverVerifyRequired = true;

        /**
         * Applies {@code keyword args...}.
         *
         * @throws IllegalArgumentException with HAProxy's message when the line is wrong
         */
        public Builder apply(String keyword, List<String> args) {
            String first = args.isEmpty() ? "" : args.get(0);
            switch (keyword) {
                case "crt-base", "ca-base" -> {
                    atMostOne(keyword, args);
                    if ((keyword.equals("crt-base") ? crtBase : caBase) != null) {
                        throw new IllegalArgumentException("'" + keyword + "' already specified.");
                    }
                    if (first.isEmpty()) {
                        throw new IllegalArgumentException("global statement '" + keyword + "' expects a directory path as an argument.");
                    }
                    if (keyword.equals("crt-base")) {
                        crtBase = first;
                    } else {
                        caBase = first;
                    }
                }
                case "ssl-default-bind-ciphers", "ssl-default-bind-ciphersuites",
                     "ssl-default-server-ciphers", "ssl-default-server-ciphersuites" -> {
                    atMostOne(keyword, args);
                    if (first.isEmpty()) {
                        throw new IllegalArgumentException("global statement '" + keyword + "' expects a cipher suite as an argument.");
                    }
                    boolean bindSide = keyword.startsWith("ssl-default-bind");
                    TlsOptions o = bindSide ? bind : server;
                    o = keyword.endsWith("ciphersuites") ? o.withCiphersuites(first) : o.withCiphers(first);
                    if (bindSide) {
                        bind = o;
                    } else {
                        server = o;
                    }
                }
                case "ssl-default-bind-options" -> bind = options(keyword, args, bind, true);
                case "ssl-default-server-options" -> server = options(keyword, args, server, false);
                case "ssl-server-verify" -> {
                    atMostOne(keyword, args);
                    if (first.isEmpty()) {
                        throw new IllegalArgumentException("'" + keyword + "' expects an integer argument.");
                    }
                    if (!first.equals("none") && !first.equals("required")) {
                        throw new IllegalArgumentException("'" + keyword + "' expects 'none' or 'required' as argument.");
                    }
                    serverVerifyRequired = first.equals("required");
                }
                default -> throw new IllegalArgumentException("'" + keyword + "' is not a global TLS keyword");
            }
            return this;
        }

        public TlsDefaults build() {
            return new TlsDefaults(crtBase, caBase, bind, server, serverVerifyRequired);
        }

        private static TlsOptions options(String keyword, List<String> args, TlsOptions o, boolean bindSide) {
            if (args.isEmpty() || args.get(0).isEmpty()) {
                throw new IllegalArgumentException("global statement '" + keyword + "' expects an option as an argument.");
            }
            for (int i = 0; i < args.size(); i++) {
                String word = args.get(i);
                if (word.equals("no-tls-tickets")) {
                    o = o.withNoTlsTickets(true);
                } else if (bindSide && word.equals("prefer-client-ciphers")) {
                    o = o.withPreferClientCiphers(true);
                } else if (word.equals("ssl-min-ver") || word.equals("ssl-max-ver")) {
                    String version = i + 1 < args.size() ? args.get(++i) : "";
                    try {
                        o = o.withVersions(o.versions().withBound(word, version));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(e.getMessage() + " on global statement '" + keyword + "'.");
                    }
                } else {
                    try {
                        o = o.withVersions(o.versions().withOption(word));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("unknown option '" + word + "' on global statement '" + keyword + "'.");
                    }
                }
            }
            return o;
        }

        private static void atMostOne(String keyword, List<String> args) {
            if (args.size() > 1) {
                throw new IllegalArgumentException("'" + keyword + "' cannot handle unexpected argument '" + args.get(1) + "'.");
            }
        }
    }
}
