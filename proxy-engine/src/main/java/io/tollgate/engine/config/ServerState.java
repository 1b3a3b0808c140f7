package io.tollgate.engine.config;

import io.tollgate.engine.tls.ServerTls;

/**
 * A {@code server} line (or the {@code default-server} template it starts from) while it is
 * being parsed. A server starts as a copy of its proxy's template, then its own parameters
 * apply, which is how HAProxy's {@code default-server} works.
 */
final class ServerState {
    String name;
    HostPort address;
    String unixPath;
    int weight = 1;
    int maxconn;
    int maxqueue;
    int minconn;
    boolean backup;
    boolean disabled;
    String cookie;
    int id;
    boolean check;
    long inter = CheckSettings.DEFAULT.inter();
    long fastinter;
    long downinter;
    int rise = CheckSettings.DEFAULT.rise();
    int fall = CheckSettings.DEFAULT.fall();
    int checkPort;
    String checkAddr;
    long slowstart;
    String track;
    boolean agentCheck;
    int agentPort;
    long agentInter = CheckSettings.DEFAULT.inter();
    String agentSend;
    String agentAddr;
    String observe;
    int errorLimit = CheckSettings.DEFAULT_ERROR_LIMIT;
    String onError = "fail-check";
    boolean onMarkedDownShutdown;
    boolean onMarkedUpShutdownBackup;
    Boolean checkSsl;
    Source source;
    /** {@code ssl} (true) or {@code no-ssl}; {@link #tls} applies only when true. */
    boolean ssl;
    ServerTls tls = ServerTls.DEFAULT;
    boolean sendProxyV1;
    boolean sendProxyV2;
    HostPort socks4;

    ServerState copy() {
        ServerState c = new ServerState();
        c.name = name;
        c.address = address;
        c.unixPath = unixPath;
        c.weight = weight;
        c.maxconn = maxconn;
        c.maxqueue = maxqueue;
        c.minconn = minconn;
        c.backup = backup;
        c.disabled = disabled;
        c.cookie = cookie;
        c.id = id;
        c.check = check;
        c.inter = inter;
        c.fastinter = fastinter;
        c.downinter = downinter;
        c.rise = rise;
        c.fall = fall;
        c.checkPort = checkPort;
        c.checkAddr = checkAddr;
        c.slowstart = slowstart;
        c.track = track;
        c.agentCheck = agentCheck;
        c.agentPort = agentPort;
        c.agentInter = agentInter;
        c.agentSend = agentSend;
        c.agentAddr = agentAddr;
        c.observe = observe;
        c.errorLimit = errorLimit;
        c.onError = onError;
        c.onMarkedDownShutdown = onMarkedDownShutdown;
        c.onMarkedUpShutdownBackup = onMarkedUpShutdownBackup;
        c.checkSsl = checkSsl;
        c.source = source;
        c.ssl = ssl;
        c.tls = tls;
        c.sendProxyV1 = sendProxyV1;
        c.sendProxyV2 = sendProxyV2;
        c.socks4 = socks4;
        return c;
    }

    /** HAProxy's rule: {@code check-ssl} or {@code no-check-ssl} when written, else TLS on an {@code ssl} server without a check port. */
    private boolean checksOverTls() {
        return checkSsl != null ? checkSsl : ssl && checkPort == 0;
    }

    ServerConfig toConfig(int assignedId) {
        AgentSettings agent = agentCheck ? new AgentSettings(true, agentPort, agentInter, agentSend, agentAddr) : null;
        CheckSettings checks = new CheckSettings(check, inter, fastinter, downinter, rise, fall, checkPort, checkAddr,
                slowstart, track, agent, observe, errorLimit, onError, onMarkedDownShutdown, onMarkedUpShutdownBackup,
                checksOverTls() ? tls : null);
        // with both, HAProxy sends version 2
        int sendProxy = sendProxyV2 ? 2 : sendProxyV1 ? 1 : 0;
        return new ServerConfig(name, assignedId, address, unixPath, weight, maxconn, maxqueue, minconn,
                backup, disabled, cookie, checks, source, ssl ? tls : null, sendProxy, socks4);
    }
}
