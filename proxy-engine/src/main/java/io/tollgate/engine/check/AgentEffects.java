package io.tollgate.engine.check;

import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.StateChanges;

/**
 * Applies what an agent said, in HAProxy 2.6's order ({@code tcpcheck_agent_expect_reply}):
 * the admin word first (so that a server leaving maintenance can take the rest), then the
 * weight, then {@code maxconn}, and last the health word, which makes the run's result:
 * {@code L7OK} for {@code up}, {@code L7STS} for {@code down}/{@code fail}/{@code stopped}, both
 * with code 0 and {@code via agent : <word>[ (<text>)]}; without one, {@code CHECKED} ("No status
 * change") carrying the first error or warning, if any.
 */
final class AgentEffects {
    /** The cause listeners (audit, state store) are told. */
    static final String CAUSE = "agent check";
    static final String INCOMPLETE = "Ignoring incomplete line from agent";

    private final StateChanges changes;

    AgentEffects(StateChanges changes) {
        this.changes = changes;
    }

    /** A run ended: applies its line, or records why there was none. */
    void completed(Server server, CheckState agent, AgentProtocol.Reading reading, CheckState.Result run) {
        if (reading.line() != null) {
            apply(server, agent, AgentReply.parse(reading.line()), run.durationMillis());
        } else if (reading.isIncomplete()) {
            // HAProxy keeps the previous status (and its effect) and only says why
            CheckState.Result last = agent.last();
            changes.agentCompleted(server, agent,
                    new CheckState.Result(last.status(), last.code(), INCOMPLETE, run.durationMillis()), -1);
        } else {
            changes.agentCompleted(server, agent, run, -1);
        }
    }

    void apply(Server server, CheckState agent, AgentReply reply, long durationMillis) {
        if (reply.admin() != null) {
            admin(server, reply.admin());
        }
        String warning = null;
        if (reply.weight() != null) {
            AgentValues.Value w = AgentValues.weight(reply.weight(), server.config().weight(), server.backend().config());
            if (w.ok()) {
                changes.agentWeight(server, w.value(), CAUSE);
            } else {
                warning = w.warning();
            }
        }
        if (reply.maxconn() != null) {
            AgentValues.Value m = AgentValues.maxconn(reply.maxconn());
            if (m.ok()) {
                changes.setMaxconn(server, m.value(), CAUSE);
            } else if (warning == null) {
                warning = m.warning();
            }
        }
        changes.agentCompleted(server, agent, result(reply, warning, durationMillis), reply.forcedHealth());
    }

    /** HAProxy's {@code srv_adm_set_drain/maint/ready}: each sets one flag and clears the other. */
    private void admin(Server server, String word) {
        switch (word) {
            case "drain" -> {
                changes.setDrain(server, true, CAUSE);
                changes.setMaintenance(server, false, CAUSE);
            }
            case "maint" -> {
                changes.setMaintenance(server, true, CAUSE);
                changes.setDrain(server, false, CAUSE);
            }
            default -> {
                changes.setDrain(server, false, CAUSE);
                changes.setMaintenance(server, false, CAUSE);
            }
        }
    }

    static CheckState.Result result(AgentReply reply, String warning, long durationMillis) {
        if (!reply.hasHealth()) {
            String info = reply.error() != null ? "agent reports an error : " + reply.error()
                    : warning != null ? "agent warns : " + warning : "";
            return new CheckState.Result(CheckStatus.CHECKED, -1, info, durationMillis);
        }
        boolean up = reply.health().equalsIgnoreCase("up");
        // a description explains a failure; an "up" rather shows what went wrong in the line
        String text = reply.description();
        if (text.isEmpty() || up) {
            if (reply.error() != null) {
                text = reply.error();
            } else if (warning != null) {
                text = warning;
            }
        }
        String info = "via agent : " + reply.health() + (text.isEmpty() ? "" : " (" + text + ")");
        return new CheckState.Result(up ? CheckStatus.L7_OK : CheckStatus.L7_STATUS, 0, info, durationMillis);
    }
}
