package io.tollgate.engine.tls;

/**
 * The SSL/TLS protocol versions HAProxy 2.6 knows, oldest first, with the three ways they are
 * named: in {@code ssl-min-ver}/{@code ssl-max-ver} ("TLSv1.2"), in the {@code no-}/{@code force-}
 * options ("tlsv12") and by the JDK ("TLSv1.2", but "TLSv1" for 1.0).
 */
public enum TlsVersion {
    SSLV3("SSLv3", "sslv3", "SSLv3"),
    TLSV10("TLSv1.0", "tlsv10", "TLSv1"),
    TLSV11("TLSv1.1", "tlsv11", "TLSv1.1"),
    TLSV12("TLSv1.2", "tlsv12", "TLSv1.2"),
    TLSV13("TLSv1.3", "tlsv13", "TLSv1.3");

    private final String haproxyName;
    private final String optionSuffix;
    private final String jdkName;

    TlsVersion(String haproxyName, String optionSuffix, String jdkName) {
        this.haproxyName = haproxyName;
        this.optionSuffix = optionSuffix;
        this.jdkName = jdkName;
    }

    /** The name in {@code ssl-min-ver} and in HAProxy's messages. */
    public String haproxyName() {
        return haproxyName;
    }

    /** The name of this version in the JDK's {@code SSLEngine.setEnabledProtocols}. */
    public String jdkName() {
        return jdkName;
    }

    /** The version named {@code name} as {@code ssl-min-ver} takes it, or null. */
    public static TlsVersion named(String name) {
        for (TlsVersion v : values()) {
            if (v.haproxyName.equals(name)) {
                return v;
            }
        }
        return null;
    }

    /** The version of an option word such as {@code no-tlsv11} or {@code force-tlsv13}, or null. */
    static TlsVersion ofOption(String word) {
        int dash = word.indexOf('-');
        String suffix = word.substring(dash + 1);
        for (TlsVersion v : values()) {
            if (v.optionSuffix.equals(suffix)) {
                return v;
            }
        }
        return null;
    }
}
