package io.tollgate.engine.runtime;

/**
 * HAProxy 2.6's check statuses: the {@code check_status} code shown in the stats and the
 * {@code check_desc} text used there and in the {@code reason:} of state-change logs
 * (FORMATS §4.1). {@link #carriesCode()} says whether {@code check_code} is filled.
 */
public enum CheckStatus {
    UNKNOWN("UNK", "Unknown", Result.UNKNOWN),
    INITIALIZING("INI", "Initializing", Result.UNKNOWN),
    CHECKED("CHECKED", "No status change", Result.NEUTRAL),
    HEALTH_ANALYZE("HANA", "Health analyze", Result.FAILED),
    SOCKET_ERROR("SOCKERR", "Socket error", Result.FAILED),
    L4_OK("L4OK", "Layer4 check passed", Result.PASSED),
    L4_TIMEOUT("L4TOUT", "Layer4 timeout", Result.FAILED),
    L4_CONNECTION("L4CON", "Layer4 connection problem", Result.FAILED),
    L6_OK("L6OK", "Layer6 check passed", Result.PASSED),
    L6_TIMEOUT("L6TOUT", "Layer6 timeout", Result.FAILED),
    L6_RESPONSE("L6RSP", "Layer6 invalid response", Result.FAILED),
    L7_TIMEOUT("L7TOUT", "Layer7 timeout", Result.FAILED),
    L7_RESPONSE("L7RSP", "Layer7 invalid response", Result.FAILED),
    L7_OK("L7OK", "Layer7 check passed", Result.PASSED),
    L7_OK_CONDITIONAL("L7OKC", "Layer7 check conditionally passed", Result.CONDITIONAL),
    L7_STATUS("L7STS", "Layer7 wrong status", Result.FAILED),
    PROCESS_ERROR("PROCERR", "External check error", Result.FAILED),
    PROCESS_TIMEOUT("PROCTOUT", "External check timeout", Result.FAILED),
    PROCESS_OK("PROCOK", "External check passed", Result.PASSED);

    /** What a status does to the health counter. */
    public enum Result { UNKNOWN, NEUTRAL, FAILED, PASSED, CONDITIONAL }

    private final String code;
    private final String description;
    private final Result result;

    CheckStatus(String code, String description, Result result) {
        this.code = code;
        this.description = description;
        this.result = result;
    }

    /** {@code check_status}: {@code L4OK}, {@code L7STS}, ... */
    public String code() {
        return code;
    }

    /** {@code check_desc} and the log's {@code reason:}: {@code Layer4 connection problem}, ... */
    public String description() {
        return description;
    }

    public Result result() {
        return result;
    }

    /** Whether {@code check_code} (an HTTP status, an exit code) goes with this status. */
    public boolean carriesCode() {
        return this == L7_OK || this == L7_OK_CONDITIONAL || this == L7_STATUS
                || this == PROCESS_ERROR || this == PROCESS_TIMEOUT || this == PROCESS_OK;
    }

    /** The status whose code is {@code code} ({@code L7OK}, ...), ignoring case, or {@code fallback}. */
    public static CheckStatus byCode(String code, CheckStatus fallback) {
        if (code != null) {
            for (CheckStatus s : values()) {
                if (s.code.equalsIgnoreCase(code)) {
                    return s;
                }
            }
        }
        return fallback;
    }
}
