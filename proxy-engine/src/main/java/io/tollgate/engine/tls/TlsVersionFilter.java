package io.tollgate.engine.tls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which protocol versions a bind or server allows, as configured: HAProxy's
 * {@code tls_version_filter}, made of the versions switched off with {@code no-tlsv1x} and the
 * bounds set with {@code ssl-min-ver}/{@code ssl-max-ver} or {@code force-tlsv1x}. Immutable;
 * {@link #resolve} turns it into the contiguous range that is actually enabled, with HAProxy's
 * rules (including its warnings when the options contradict each other).
 */
public record TlsVersionFilter(Set<TlsVersion> disabled, TlsVersion min, TlsVersion max) {

    /** Nothing configured: every version the library has, from the side's default minimum. */
    public static final TlsVersionFilter NONE = new TlsVersionFilter(Set.of(), null, null);

    public TlsVersionFilter {
        disabled = disabled.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(disabled));
    }

    public boolean isEmpty() {
        return disabled.isEmpty() && min == null && max == null;
    }

    /**
     * Applies {@code no-sslv3} ... {@code no-tlsv13} or {@code force-sslv3} ... {@code force-tlsv13}.
     *
     * @throws IllegalArgumentException with HAProxy's message for any other word
     */
    public TlsVersionFilter withOption(String word) {
        TlsVersion v = TlsVersion.ofOption(word);
        if (v != null && word.startsWith("no-")) {
            EnumSet<TlsVersion> off = disabled.isEmpty() ? EnumSet.noneOf(TlsVersion.class) : EnumSet.copyOf(disabled);
            off.add(v);
            return new TlsVersionFilter(off, min, max);
        }
        if (v != null && word.startsWith("force-")) {
            return new TlsVersionFilter(disabled, v, v);
        }
        throw new IllegalArgumentException("'" + word + "' : option not implemented");
    }

    /**
     * Applies {@code ssl-min-ver <version>} or {@code ssl-max-ver <version>}.
     *
     * @throws IllegalArgumentException with HAProxy's message for an unknown version
     */
    public TlsVersionFilter withBound(String keyword, String version) {
        if (version.isEmpty()) {
            throw new IllegalArgumentException("'" + keyword + "' : missing the ssl/tls version");
        }
        TlsVersion v = TlsVersion.named(version);
        if (v == null) {
            throw new IllegalArgumentException("'" + version + "' : unknown ssl/tls version");
        }
        return keyword.equals("ssl-min-ver") ? new TlsVersionFilter(disabled, v, max) : new TlsVersionFilter(disabled, min, v);
    }

    /** This filter over {@code defaults}, as a bind or server line's {@code ssl} takes the global defaults. */
    public TlsVersionFilter over(TlsVersionFilter defaults) {
        EnumSet<TlsVersion> off = EnumSet.noneOf(TlsVersion.class);
        off.addAll(disabled);
        off.addAll(defaults.disabled);
        return new TlsVersionFilter(off, min != null ? min : defaults.min, max != null ? max : defaults.max);
    }

    /**
     * The versions to enable, computed as HAProxy 2.6 computes them for OpenSSL 1.1+
     * ({@code ssl_sock_initial_ctx}): {@code no-} options are ignored when a bound is set; the
     * minimum defaults to {@code defaultMin} (TLSv1.2 for binds, none for servers); the result
     * is the range from the lowest to the highest version left, a hole inside it included.
     */
    public Resolution resolve(TlsVersion defaultMin) {
        boolean optionsIgnored = !disabled.isEmpty() && (min != null || max != null);
        Set<TlsVersion> off = optionsIgnored ? EnumSet.noneOf(TlsVersion.class)
                : disabled.isEmpty() ? EnumSet.noneOf(TlsVersion.class) : EnumSet.copyOf(disabled);
        TlsVersion low = min;
        boolean lowFromMax = false;
        if (low == null && defaultMin != null) {
            if (max == null || max.compareTo(defaultMin) >= 0) {
                low = defaultMin;
            } else {
                low = max;
                lowFromMax = true;
            }
        }
        TlsVersion first = null;
        TlsVersion last = null;
        TlsVersion hole = null;
        TlsVersion pendingHole = null;
        for (TlsVersion v : TlsVersion.values()) {
            boolean on = !off.contains(v) && (low == null || v.compareTo(low) >= 0) && (max == null || v.compareTo(max) <= 0);
            if (on) {
                if (first == null) {
                    first = v;
                } else if (pendingHole != null && hole == null) {
                    hole = pendingHole;
                }
                last = v;
                pendingHole = null;
            } else if (first != null && pendingHole == null) {
                pendingHole = v;
            }
        }
        List<TlsVersion> enabled = new ArrayList<>();
        if (first != null) {
            for (TlsVersion v : TlsVersion.values()) {
                if (v.compareTo(first) >= 0 && v.compareTo(last) <= 0) {
                    enabled.add(v);
                }
            }
        }
        return new Resolution(List.copyOf(enabled), optionsIgnored, hole, lowFromMax ? low : null);
    }

    /**
     * What {@link #resolve} found. {@code enabled} is empty when every version is disabled (an
     * error); {@code optionsIgnored}, {@code hole} and {@code minFromMax} (the minimum lowered to
     * {@code ssl-max-ver}, else null) are HAProxy's three warnings.
     */
    public record Resolution(List<TlsVersion> enabled, boolean optionsIgnored, TlsVersion hole, TlsVersion minFromMax) {
        public List<String> jdkNames() {
            return enabled.stream().map(TlsVersion::jdkName).toList();
        }
    }
}
