package io.tollgate.engine.log;

/**
 * The log formats HAProxy 2.6 defines for its {@code option} keywords (FORMATS.md section 6.1),
 * verbatim.
 */
public final class BuiltInFormats {
    public static final String TCPLOG = "%ci:%cp [%t] %ft %b/%s %Tw/%Tc/%Tt %B %ts %ac/%fc/%bc/%sc/%rc %sq/%bq";
    public static final String HTTPLOG = "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc "
            + "%ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r";
    /** httplog followed by the connection's errors and TLS facts. */
    public static final String HTTPSLOG = HTTPLOG + " %[fc_err]/%[ssl_fc_err,hex]/%[ssl_c_err]/%[ssl_c_ca_err]/"
            + "%[ssl_fc_is_resumed] %[ssl_fc_sni]/%sslv/%sslc";
    public static final String HTTPLOG_CLF = "%{+Q}o %{-Q}ci - - [%trg] %r %ST %B \"\" \"\" %cp %ms %ft %b %s %TR %Tw "
            + "%Tc %Tr %Ta %tsc %ac %fc %bc %sc %rc %sq %bq %CC %CS %hrl %hsl";

    private BuiltInFormats() {
    }

    /** The format an {@code option} selects: {@code tcplog}, {@code httplog}, {@code httplog-clf} or {@code httpslog}. */
    public static String forOption(String option) {
        return switch (option) {
            case "tcplog" -> TCPLOG;
            case "httplog" -> HTTPLOG;
            case "httpslog" -> HTTPSLOG;
            case "httplog-clf" -> HTTPLOG_CLF;
            default -> throw new IllegalArgumentException("no built-in log format for option " + option);
        };
    }
}
