package io.tollgate.engine.tls;

import io.netty.handler.ssl.CipherSuiteConverter;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OpenSSL cipher lists ({@code ciphers}, {@code ciphersuites} and their global defaults) read as
 * the JDK's cipher suite names.
 *
 * <p>A concrete OpenSSL name ({@code ECDHE-RSA-AES128-GCM-SHA256}) maps to its IANA name
 * ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}) when this JDK supports it. OpenSSL's aliases
 * ({@code DEFAULT}, {@code HIGH}, {@code ECDH+AESGCM}, ...) name sets computed from OpenSSL's own
 * table, which the JDK does not have: a list that uses them keeps the JDK's default suites, and
 * says so unless the alias is {@code DEFAULT}. Exclusions and ordering words ({@code !aNULL},
 * {@code -MD5}, {@code @STRENGTH}) are skipped: the JDK's defaults exclude weak suites already.
 * As in OpenSSL, a list is an error only when nothing in it is usable; names that are not
 * usable are reported for a warning.
 */
public final class CipherLists {
    /** OpenSSL's cipher-string keywords: sets of suites, not suite names. */
    private static final Set<String> ALIASES = Set.of("ALL", "COMPLEMENTOFALL", "COMPLEMENTOFDEFAULT", "HIGH",
            "MEDIUM", "LOW", "EXPORT", "EXP", "eNULL", "NULL", "aNULL", "kRSA", "aRSA", "RSA", "kDHr", "kDHd",
            "kDH", "kDHE", "kEDH", "DH", "DHE", "EDH", "ADH", "kEECDH", "kECDHE", "ECDH", "ECDHE", "EECDH", "AECDH",
            "aECDSA", "ECDSA", "aDSS", "DSS", "aDH", "PSK", "kPSK", "aPSK", "SRP", "kSRP", "TLSv1.2",
            "TLSv1.0", "TLSv1", "SSLv3", "AES128", "AES256", "AES", "AESGCM", "AESCCM", "AESCCM8", "ARIA128",
            "ARIA256", "ARIA", "CAMELLIA128", "CAMELLIA256", "CAMELLIA", "CHACHA20", "3DES", "DES", "RC4", "RC2",
            "IDEA", "SEED", "MD5", "SHA1", "SHA", "SHA256", "SHA384", "SUITEB128", "SUITEB128ONLY", "SUITEB192",
            "CBC", "AEAD", "ECCDHE", "kECDHEPSK", "kDHEPSK", "kRSAPSK");

    private CipherLists() {
    }

    /**
     * A cipher list read for the JDK. {@code suites} are JDK names in the configured order;
     * {@code jdkDefaults} is true when the list asked for an OpenSSL set (then {@code suites}
     * holds only what was named explicitly and the JDK's defaults apply); {@code unusable} are
     * the names this JDK does not have and {@code aliases} the OpenSSL sets other than
     * {@code DEFAULT}, both for warnings.
     */
    public record Parsed(String text, List<String> suites, boolean jdkDefaults, List<String> unusable, List<String> aliases) {
        /** Nothing usable: OpenSSL would refuse this list. */
        public boolean isEmpty() {
            return suites.isEmpty() && !jdkDefaults;
        }
    }

    /** Reads a TLS 1.2-and-below list ({@code ciphers}). */
    public static Parsed ciphers(String list) {
        return parse(list, false);
    }

    /** Reads a TLS 1.3 list ({@code ciphersuites}), whose names are already the IANA ones. */
    public static Parsed ciphersuites(String list) {
        return parse(list, true);
    }

    private static Parsed parse(String list, boolean tls13) {
        Set<String> suites = new LinkedHashSet<>();
        List<String> unusable = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        boolean defaults = false;
        for (String token : list.split("[:, ]+")) {
            if (token.isEmpty() || token.startsWith("!") || token.startsWith("-") || token.startsWith("@")) {
                continue;
            }
            String name = token.startsWith("+") ? token.substring(1) : token;
            if (name.equals("DEFAULT") || name.equals("PROFILE=SYSTEM")) {
                defaults = true;
                continue;
            }
            String jdk = tls13 ? (Jdk.SUPPORTED.contains(name) ? name : null) : jdkName(name);
            if (jdk != null) {
                suites.add(jdk);
            } else if (!tls13 && (ALIASES.contains(name) || name.contains("+"))) {
                defaults = true;
                aliases.add(name);
            } else {
                unusable.add(name);
            }
        }
        return new Parsed(list, List.copyOf(suites), defaults, List.copyOf(unusable), List.copyOf(aliases));
    }

    /** The JDK's name for an OpenSSL suite name, or null when this JDK does not support it. */
    static String jdkName(String openSsl) {
        if (Jdk.SUPPORTED.contains(openSsl)) {
            return openSsl;
        }
        for (String protocol : new String[] {"TLS", "SSL"}) {
            String name = CipherSuiteConverter.toJava(openSsl, protocol);
            if (name == null) {
                continue;
            }
            // OpenSSL's "EDH" is the JDK's "DHE"
            name = name.replace("_EDH_", "_DHE_");
            if (Jdk.SUPPORTED.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** True for a TLS 1.3 suite name (they name neither key exchange nor authentication). */
    static boolean isTls13(String jdkName) {
        return jdkName.startsWith("TLS_") && !jdkName.contains("_WITH_") && !jdkName.endsWith("_SCSV");
    }

    /** The JDK's suites, looked up once: building the default SSLContext takes a moment. */
    static final class Jdk {
        static final Set<String> SUPPORTED;
        static final List<String> DEFAULTS;

        static {
            try {
                SSLContext ctx = SSLContext.getDefault();
                SUPPORTED = Set.copyOf(Arrays.asList(ctx.getSupportedSSLParameters().getCipherSuites()));
                DEFAULTS = List.of(ctx.getDefaultSSLParameters().getCipherSuites());
            } catch (NoSuchAlgorithmException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private Jdk() {
        }
    }

    /**
     * The suites to enable for a TLS 1.2-and-below list and a TLS 1.3 list (either may be null:
     * the JDK's defaults for that part), or null when both are null.
     */
    public static List<String> combine(Parsed ciphers, Parsed ciphersuites) {
        if (ciphers == null && ciphersuites == null) {
            return null;
        }
        Set<String> all = new LinkedHashSet<>();
        if (ciphersuites == null || ciphersuites.jdkDefaults()) {
            Jdk.DEFAULTS.stream().filter(CipherLists::isTls13).forEach(all::add);
        }
        if (ciphersuites != null) {
            all.addAll(ciphersuites.suites());
        }
        if (ciphers != null) {
            ciphers.suites().stream().filter(s -> !isTls13(s)).forEach(all::add);
        }
        if (ciphers == null || ciphers.jdkDefaults()) {
            Jdk.DEFAULTS.stream().filter(s -> !isTls13(s)).forEach(all::add);
        }
        return List.copyOf(all);
    }
}
