package io.tollgate.engine.runtime;

/**
 * HAProxy 2.6's state-change messages, word for word (FORMATS §4.4; checked against
 * {@code haproxy -db} 2.6.12): a prefix naming the server, what happened, the check's details
 * or a cause, then the backend's server counts.
 */
final class StateMessages {
    private StateMessages() {
    }

    /** {@code , reason: <desc>[, code: <n>][, info: "<text>"], check duration: <n>ms}. */
    static String checkStatus(CheckState.Result r) {
        StringBuilder b = new StringBuilder(", reason: ").append(r.status().description());
        if (r.hasCode()) {
            b.append(", code: ").append(r.code());
        }
        if (r.info() != null && !r.info().isEmpty()) {
            b.append(", info: \"");
            escape(r.info(), b);
            b.append('"');
        }
        if (r.durationMillis() >= 0) {
            b.append(", check duration: ").append(r.durationMillis()).append("ms");
        }
        return b.toString();
    }

    /** As HAProxy quotes check info in messages: {@code <}, {@code >}, {@code "} and control bytes as {@code <XX>}. */
    private static void escape(String info, StringBuilder b) {
        for (int i = 0; i < info.length(); i++) {
            char c = info.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"') {
                b.append('<').append(String.format("%02X", (int) c & 0xff)).append('>');
            } else {
                b.append(c);
            }
        }
    }

    static String down(Server s, String status, int sessions, int requeued) {
        return prefix(s) + " is DOWN" + status + left(s, sessions, requeued);
    }

    static String up(Server s, String status, int requeued) {
        return prefix(s) + " is UP" + status + online(s, requeued);
    }

    static String stopping(Server s, String status) {
        return prefix(s) + " is stopping" + status + online(s, 0);
    }

    /** A DOWN server entering drain gets the counts of a server going down, as in HAProxy. */
    static String entersDrain(Server s, String via, int requeued) {
        return prefix(s) + " enters drain state" + via
                + (s.isUp() ? online(s, requeued) : left(s, (int) s.counters().sessions.current(), requeued));
    }

    static String leavingDrain(Server s) {
        return prefix(s) + " is " + (s.isUp() ? "UP" : "DOWN") + " (leaving forced drain).";
    }

    static String remainsInDrain(Server s) {
        return prefix(s) + " remains in forced drain mode.";
    }

    static String goingDownForMaintenance(Server s, String via, int sessions, int requeued) {
        return prefix(s) + " is going DOWN for maintenance" + via + left(s, sessions, requeued);
    }

    static String entersMaintenance(Server s, String via) {
        return prefix(s) + " was DOWN and now enters maintenance" + via + ".";
    }

    /** {@code kind}: {@code forced maintenance}, or {@code maintenance} when it came through a tracked server. */
    static String leavingMaintenance(Server s, String kind) {
        return prefix(s) + " is " + (s.isUp() ? "UP" : "DOWN") + "/" + (s.isDraining() ? "DRAIN" : "READY")
                + " (leaving " + kind + ").";
    }

    static String noServerAvailable(Proxy backend) {
        return typeWord(backend) + " " + backend.name() + " has no server available!";
    }

    /** On stderr HAProxy quotes the name. */
    static String noServerAvailableOnStderr(Proxy backend) {
        return typeWord(backend) + " '" + backend.name() + "' has no server available!";
    }

    /**
     * {@code option log-health-checks}: {@code Health check for [backup ]server b/s succeeded,
     * reason: ..., status: 3/3 UP.}
     */
    static String healthCheckLine(Server s, CheckState state, CheckState.Result r) {
        String outcome = switch (r.status().result()) {
            case PASSED -> "succeeded";
            case CONDITIONAL -> "conditionally succeeded";
            default -> "failed";
        };
        String word = state.isUp() ? (s.userWeight() > 0 ? "UP" : "DRAIN") : "DOWN";
        return (state.isAgent() ? "Agent" : "Health") + " check for " + (s.isBackup() ? "backup " : "") + "server "
                + s + " " + outcome + checkStatus(r) + ", status: " + state.ratio() + " " + word + ".";
    }

    private static String prefix(Server s) {
        return (s.isBackup() ? "Backup Server " : "Server ") + s;
    }

    private static String typeWord(Proxy p) {
        return p.isFrontend() ? "proxy" : "backend";
    }

    /** {@code . A active and B backup servers left.[ Running on backup.] S sessions active, R requeued, Q remaining in queue.} */
    private static String left(Server s, int sessions, int requeued) {
        return counts(s.backend()) + " servers left." + runningOnBackup(s.backend()) + " " + sessions
                + " sessions active, " + requeued + " requeued, " + s.queue().size() + " remaining in queue.";
    }

    /** {@code . A active and B backup servers online.[ Running on backup.] R sessions requeued, Q total in queue.} */
    private static String online(Server s, int requeued) {
        return counts(s.backend()) + " servers online." + runningOnBackup(s.backend()) + " " + requeued
                + " sessions requeued, " + (s.backend().queue().size() + s.queue().size()) + " total in queue.";
    }

    private static String counts(Proxy backend) {
        return ". " + active(backend, false) + " active and " + active(backend, true) + " backup";
    }

    private static String runningOnBackup(Proxy backend) {
        return active(backend, false) == 0 && active(backend, true) > 0 ? " Running on backup." : "";
    }

    private static int active(Proxy backend, boolean backup) {
        int n = 0;
        for (Server s : backend.servers()) {
            if (s.isBackup() == backup && s.isUsable()) {
                n++;
            }
        }
        return n;
    }
}
