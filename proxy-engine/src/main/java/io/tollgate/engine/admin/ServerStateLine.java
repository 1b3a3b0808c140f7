package io.tollgate.engine.admin;

import io.tollgate.engine.config.AgentSettings;
import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.LiveSettings;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stick.AddressText;

import java.net.InetAddress;
import java.util.StringJoiner;

/**
 * One server's line of {@code show servers state}, with HAProxy 2.6.12's numeric encodings so
 * a state file written from it reads back in HAProxy ({@code load-server-state-from-file}):
 * operational state {@code SRV_ST_*}, admin flags {@code SRV_ADMF_*}, check status
 * {@code HCHK_STATUS_*}, check result {@code CHK_RES_*}, check state flags {@code CHK_ST_*};
 * {@code -} for an empty text.
 */
final class ServerStateLine {
    /** {@code SRV_ST_*}. */
    private static final int STOPPED = 0;
    private static final int STARTING = 1;
    private static final int RUNNING = 2;
    private static final int STOPPING = 3;
    /** {@code SRV_ADMF_*}. */
    private static final int FORCED_MAINT = 0x01;
    private static final int INHERITED_MAINT = 0x02;
    private static final int CONFIG_MAINT = 0x04;
    private static final int FORCED_DRAIN = 0x08;
    /** {@code CHK_ST_*}. */
    private static final int CONFIGURED = 0x02;
    private static final int ENABLED = 0x04;
    private static final int PAUSED = 0x08;
    private static final int AGENT = 0x10;

    private ServerStateLine() {
    }

    static String of(Proxy p, Server s) {
        CheckSettings checks = s.config().check();
        AgentSettings agent = checks == null ? null : checks.agent();
        String host = s.config().address() == null ? "" : s.config().address().host();
        LiveSettings live = s.live();
        StringJoiner line = new StringJoiner(" ");
        line.add(String.valueOf(p.id())).add(p.name()).add(String.valueOf(s.id())).add(s.name())
                .add(address(s))
                .add(String.valueOf(operational(s)))
                .add(String.valueOf(admin(s)))
                .add(String.valueOf(s.userWeight()))
                .add(String.valueOf(s.config().weight()))
                .add(String.valueOf(s.secondsSinceLastChange()))
                .add(String.valueOf(s.check() == null ? 1 : statusCode(s.check().last().status())))
                .add(String.valueOf(s.check() == null ? 0 : s.check().last().status().result().ordinal()))
                .add(String.valueOf(health(s)))
                .add(String.valueOf(checkState(s, s.check(), s.isCheckDisabled(), true)))
                .add(String.valueOf(checkState(s, s.agent(), s.isAgentDisabled(), false) | (s.agent() == null ? 0 : AGENT)))
                .add("0").add("0") // ids forced by 'id': not told apart from assigned ones
                .add(host.isEmpty() || isLiteral(host) ? "-" : host)
                .add(String.valueOf(s.port()))
                .add("-")
                .add(s.usesTls() ? "1" : "0")
                .add(String.valueOf(checks == null ? 0 : s.checkPort()))
                .add(live.checkAddress() != null ? format(live.checkAddress()) : text(checks == null ? null : checks.addr()))
                // the server's 'addr' and 'port' set the agent's too (haproxy -db shows them there)
                .add(live.agentAddress() != null ? format(live.agentAddress())
                        : text(agent != null && agent.addr() != null ? agent.addr() : checks == null ? null : checks.addr()))
                .add(String.valueOf(live.agentPort() >= 0 ? live.agentPort()
                        : agent != null && agent.port() > 0 ? agent.port() : checks == null ? 0 : checks.port()));
        return line.toString();
    }

    /**
     * Without a check HAProxy keeps the health at {@code rise}, 0 once in maintenance; a server
     * {@code disabled} in the configuration starts at 0 and stays there after {@code enable server}.
     */
    private static int health(Server s) {
        if (s.check() != null) {
            return s.check().health();
        }
        CheckSettings c = s.config().check();
        return s.isInMaintenance() || s.config().disabled() ? 0 : c == null ? 2 : c.rise();
    }

    private static int operational(Server s) {
        if (s.isInMaintenance() || !s.isUp()) {
            return STOPPED;
        }
        if (s.isStopping()) {
            return STOPPING;
        }
        return s.isWarmingUp() ? STARTING : RUNNING;
    }

    private static int admin(Server s) {
        int flags = 0;
        flags |= s.isInForcedMaintenance() ? FORCED_MAINT : 0;
        // HAProxy keeps the flag of 'disabled' in the configuration for good, even once enabled
        flags |= s.config().disabled() ? CONFIG_MAINT : 0;
        flags |= s.inheritsMaintenance() ? INHERITED_MAINT : 0;
        return flags | (s.isDraining() ? FORCED_DRAIN : 0);
    }

    /**
     * A server without a check shows PAUSED when the configuration said {@code disabled}, for good
     * (HAProxy pauses its unconfigured check while parsing, and runtime maintenance leaves it at 0);
     * an absent agent shows 0.
     */
    private static int checkState(Server s, CheckState c, boolean disabled, boolean health) {
        if (c == null) {
            return health && s.config().disabled() ? PAUSED : 0;
        }
        return CONFIGURED | (disabled ? 0 : ENABLED) | (s.isInMaintenance() ? PAUSED : 0);
    }

    /** {@code HCHK_STATUS_*}: HAProxy numbers START (2) and L57DATA (14), which Tollgate never reports. */
    static int statusCode(CheckStatus status) {
        int n = status.ordinal();
        if (n >= CheckStatus.CHECKED.ordinal()) {
            n++;
        }
        if (n >= CheckStatus.L7_OK.ordinal() + 1) {
            n++;
        }
        return n;
    }

    static String address(Server s) {
        InetAddress a = s.resolvedAddress();
        if (a != null) {
            return io.tollgate.engine.stick.AddressText.format(a.getAddress());
        }
        return s.config().address() == null ? "-" : s.config().address().host();
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String format(InetAddress a) {
        return AddressText.format(a.getAddress());
    }

    private static String text(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
