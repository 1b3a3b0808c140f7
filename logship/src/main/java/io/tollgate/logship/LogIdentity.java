package io.tollgate.logship;

/**
 * Who a message says it comes from: HAProxy's {@code log-tag} (program name, default
 * {@code haproxy}), the {@code log-send-hostname} value ({@code null} when not configured) and the
 * process id.
 */
public record LogIdentity(String tag, String hostname, long pid) {

    public LogIdentity {
        if (tag == null || tag.isEmpty()) {
            throw new IllegalArgumentException("log tag must not be empty");
        }
    }

    /** Tag {@code haproxy}, no hostname, this process's pid: HAProxy's defaults. */
    public static LogIdentity defaults() {
        return new LogIdentity("haproxy", null, ProcessHandle.current().pid());
    }

    public LogIdentity withTag(String newTag) {
        return new LogIdentity(newTag, hostname, pid);
    }

    public LogIdentity withHostname(String newHostname) {
        return new LogIdentity(tag, newHostname, pid);
    }
}
