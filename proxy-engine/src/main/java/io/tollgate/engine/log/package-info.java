/**
 * Access-log lines in HAProxy 2.6's formats, up to the finished message text; what carries them
 * to syslog or files is behind {@link io.tollgate.engine.log.AccessLogSink}. Event lines
 * (server and proxy state changes) and where every message goes.
 *
 * <h2>What is compiled, and when</h2>
 * At startup each frontend with an effective {@code log} target gets an
 * {@link io.tollgate.engine.log.AccessLog}: its {@code log-format}, or the format of its
 * {@code option tcplog}/{@code httplog [clf]}/{@code httpslog}
 * ({@link io.tollgate.engine.log.BuiltInFormats}), compiled once into a
 * {@link io.tollgate.engine.log.LogFormat}, with its {@code error-log-format} and
 * {@code log-format-sd} when it has them. A frontend without a format
 * writes HAProxy's legacy {@code Connect from ...} line at accept time instead. A frontend
 * without targets has no {@code AccessLog}: its sessions record nothing and pay nothing.
 *
 * <h2>What is recorded</h2>
 * The sessions of a logging frontend fill one {@link io.tollgate.engine.log.LogEvent} per
 * client connection, reset for each keep-alive request: addresses, {@link System#nanoTime()}
 * marks turned into HAProxy's timers ({@code Th Ti TR Tw Tc Tr Ta Tt}), the sizes HAProxy
 * counts ({@code %B}/{@code %U} are the HTX sizes of the messages in HTTP, bytes in TCP), the
 * status, the backend and server, retries, the connection counts at log time and the
 * termination state ({@code %ts}: who ended the session and in which phase, plus the
 * persistence cookie's two flags for {@code %tsc}).
 *
 * <h2>Rendering</h2>
 * At the end of each request (HTTP) or session (TCP) the event is rendered into a builder reused
 * by the event loop, filtered by {@code dontlognull} and {@code dontlog-normal}, and handed to
 * the sink at {@code info}, or {@code err} under {@code log-separate-errors}: one String per line.
 *
 * <h2>Routes</h2>
 * {@link io.tollgate.engine.log.LogRoutes} resolves once, at start, each proxy's targets (its
 * {@code log} lines, {@code log global}, {@code no log}) and the global section's, with the
 * identity messages carry ({@code log-tag}, {@code log-send-hostname}). One
 * {@link io.tollgate.logship.LogShipper} carries everything; an access line costs one map
 * lookup and one queue entry.
 *
 * <h2>Event lines</h2>
 * {@link io.tollgate.engine.log.EventLogs} listens to the state changes and ships each event
 * in HAProxy's words and level to the proxy it is about, as HAProxy's
 * {@code send_log(proxy, ...)}: a server's changes (checks, {@code option log-health-checks}
 * lines, maintenance and drain from the runtime API or the stats page, {@code backend has no
 * server available!}) on its backend's targets, a frontend's {@code Paused}, {@code Resumed}
 * and {@code Proxy ... stopped} on the frontend's. A proxy without targets sends nothing, as in
 * HAProxy, even when the global section has some. HAProxy 2.6 sends nothing at start or on a
 * hard stop (SIGTERM); its soft stop (SIGUSR1, Tollgate's too: {@code Engine.softStop}) logs
 * {@code Proxy ... stopped (cumulated conns: ...)} for every proxy, in configuration order. The shipper is closed last when the engine
 * stops, so that what was raised while stopping is still delivered.
 *
 * <p>Extension: the configuration's warnings, which HAProxy only prints on stderr, are also
 * sent to the global targets at {@code warning}, in the words printed without the
 * {@code [WARNING]} tag ({@code parsing [file:line] : ...}), so that an operator who reads only
 * the logs learns of them.
 *
 * <h2>Connection errors</h2>
 * A client whose TLS handshake fails never sends a request: instead of one, the frontend writes
 * HAProxy's error line ({@code 127.0.0.1:50326 [date] fe/1: SSL handshake failure}, the bind's
 * {@code name} or its listener's number) or its {@code error-log-format} rendered from the
 * connection's facts ({@link io.tollgate.engine.log.ConnectionError}). The TLS fetches of
 * {@code httpslog} ({@code fc_err}, {@code ssl_fc_err}, {@code ssl_fc_sni}, ...) read the same
 * facts from the event ({@link io.tollgate.engine.log.ConnectionFetch}), so they work there too.
 *
 * <h2>Structured data</h2>
 * With {@code log-format-sd}, each line's structured data is rendered next to it and handed to
 * the sink with it, for {@code format rfc5424} targets; without it nothing more is built or
 * carried.
 *
 * <h2>Not here yet</h2>
 * {@code ssl_fc_err} has OpenSSL's code only for a first record that is not TLS,
 * {@code ssl_c_err}/{@code ssl_c_ca_err} are 0 on every TLS connection, and
 * {@code %[fetch,converter]} on those fetches takes only {@code hex}. Not at all: {@code capture cookie} ({@code %CC}/{@code %CS}
 * show {@code -}), {@code unique-id-format} ({@code %ID} shows {@code -}) and
 * {@code option logasap}. {@code %Th} times the TLS
 * handshake only; HAProxy's also includes reading a PROXY protocol header.
 */
package io.tollgate.engine.log;
