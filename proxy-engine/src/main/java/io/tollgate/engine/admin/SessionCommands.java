package io.tollgate.engine.admin;

import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.Sessions;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * {@code show sess [<id>|all]} (operator) and {@code shutdown session <id>} (admin), in HAProxy
 * 2.6.12's shapes. The one-line form keeps every field of HAProxy's line, so scripts splitting
 * on spaces and {@code =} work; fields about HAProxy's internals (buffer and connector flags,
 * task state, CPU) carry the values an idle stream shows there. The detailed form gives the
 * first lines of HAProxy's dump (the stream, its frontend, backend, server and task), the ones
 * carrying facts Tollgate has. Ids are parsed as HAProxy's {@code strtoul(..., 0)} does: hex
 * after {@code 0x}, octal after {@code 0}, a non-number as 0 ({@code show sess} then lists all).
 * The CLI's own connection is not a session here (HAProxy lists it as {@code fe=GLOBAL}).
 */
final class SessionCommands implements RuntimeApi.Family {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    /** What HAProxy shows of an established stream's channels and connectors, by mode (fds unknown here). */
    private static final String TCP_CHANNELS = " rate=0 cpu=0 lat=0 rq[f=808000h,i=0,an=00h,rx=,wx=,ax=]"
            + " rp[f=80008000h,i=0,an=00h,rx=,wx=,ax=] scf=[8,0h,fd=-1] scb=[8,1h,fd=-1]";
    private static final String HTTP_CHANNELS = " rate=0 cpu=0 lat=0 rq[f=49c40080h,i=0,an=8000h,rx=,wx=,ax=]"
            + " rp[f=80040000h,i=0,an=4000000h,rx=,wx=,ax=] scf=[8,80h,fd=-1] scb=[8,11h,fd=-1]";

    private final Sessions sessions;

    SessionCommands(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() >= 2 && w.get(0).equals("show") && w.get(1).equals("sess")) {
            if (!actor.level().allows(AccessLevel.OPERATOR)) {
                return RuntimeApi.Answer.denied();
            }
            return new RuntimeApi.Answer(show(w.size() > 2 ? w.get(2) : ""), true);
        }
        if (w.size() >= 2 && w.get(0).equals("shutdown") && w.get(1).equals("session")) {
            if (!actor.level().allows(AccessLevel.ADMIN)) {
                return RuntimeApi.Answer.denied();
            }
            long id = w.size() > 2 ? strtoul(w.get(2)) : 0;
            if (id == 0) {
                return RuntimeApi.Answer.error("Session pointer expected (use 'show sess').\n");
            }
            Sessions.Entry e = sessions.find(id);
            if (e == null) {
                return RuntimeApi.Answer.error("No such session (use 'show sess').\n");
            }
            e.live().shutdown();
            return RuntimeApi.Answer.ok();
        }
        return null;
    }

    private String show(String arg) {
        StringBuilder out = new StringBuilder();
        long now = System.nanoTime();
        if (arg.equals("all")) {
            for (Sessions.Entry e : sessions.all()) {
                detail(out, e, now);
            }
            return out.toString();
        }
        long id = strtoul(arg);
        if (id != 0) {
            Sessions.Entry e = sessions.find(id);
            if (e == null) {
                return "Session not found.\n";
            }
            detail(out, e, now);
            return out.toString();
        }
        for (Sessions.Entry e : sessions.all()) {
            line(out, e, now);
        }
        return out.toString();
    }

    /** {@code 0x...: proto=tcpv4 src=... fe=... be=... srv=... ts=00 ...}. */
    private static void line(StringBuilder out, Sessions.Entry e, long now) {
        Sessions.Live s = e.live();
        Proxy be = backend(s);
        out.append("0x").append(Long.toHexString(e.id())).append(": proto=").append(s.proto())
                .append(" src=").append(address(s.source()))
                .append(" fe=").append(s.frontend().name())
                .append(" be=").append(be != null ? be.name() : "<NONE>")
                .append(" srv=").append(s.server() != null ? s.server().name() : "<none>")
                .append(" ts=00 epoch=0 age=").append(humanTime(age(e, now)))
                .append(" calls=").append(s.calls())
                .append(isHttp(s.frontend()) ? HTTP_CHANNELS : TCP_CHANNELS)
                .append(" exp= rc=0 c_exp=\n");
    }

    /** The first lines of HAProxy's detailed dump of one stream. */
    private static void detail(StringBuilder out, Sessions.Entry e, long now) {
        Sessions.Live s = e.live();
        Proxy fe = s.frontend();
        Proxy be = backend(s);
        Server srv = s.server();
        out.append("0x").append(Long.toHexString(e.id())).append(": [").append(acceptDate(e.startMillis()))
                .append("] id=").append(e.number()).append(" proto=").append(s.proto());
        out.append(s.source() != null ? " source=" + address(s.source()) : "").append('\n');
        out.append("  flags=0x").append(Integer.toHexString(isHttp(fe) ? 0xc4a : 0x4a))
                .append(", conn_retries=0, conn_exp=<NEVER> conn_et=0x000 srv_conn=")
                .append(srv != null ? "0x" + Long.toHexString(serverPointer(srv)) : "(nil)")
                .append(", pend_pos=(nil) waiting=0 epoch=0\n");
        out.append("  frontend=").append(fe.name()).append(" (id=").append(fe.id()).append(" mode=")
                .append(mode(fe)).append("), listener=? (id=1)");
        out.append(s.destination() != null ? " addr=" + address(s.destination()) : "").append('\n');
        if (be != null) {
            out.append("  backend=").append(be.name()).append(" (id=").append(be.id()).append(" mode=")
                    .append(mode(be)).append(')');
            out.append(srv != null ? serverAddress(s.serverSource()) : "").append('\n');
            out.append("  server=").append(srv != null ? srv.name() : "<none>").append(" (id=")
                    .append(srv != null ? srv.id() : 0).append(')');
            out.append(srv != null ? serverAddress(s.serverDestination()) : "").append('\n');
        } else {
            out.append("  backend=<NONE> (id=-1 mode=-)\n  server=<NONE> (id=-1)\n");
        }
        out.append("  task=0x").append(Long.toHexString(e.id() + 0x20)).append(" (state=0x00 nice=0 calls=")
                .append(s.calls()).append(" rate=0 exp=<NEVER> tmask=0x1 age=").append(humanTime(age(e, now)))
                .append(")\n");
    }

    /** Before a request picks a backend, an HTTP stream's backend is its proxy if that is one. */
    private static Proxy backend(Sessions.Live s) {
        Proxy be = s.backend();
        return be != null ? be : (s.frontend().isBackend() ? s.frontend() : null);
    }

    private static boolean isHttp(Proxy p) {
        return p.mode() == ProxyMode.HTTP;
    }

    private static String mode(Proxy p) {
        return p.mode().name().toLowerCase(Locale.ROOT);
    }

    /** A stand-in for HAProxy's server pointer: the same for every session on that server. */
    private static long serverPointer(Server s) {
        return 0x55d1_0000_0000L + ((long) s.backend().id() << 20) + ((long) s.id() << 6);
    }

    private static int age(Sessions.Entry e, long now) {
        return (int) ((now - e.startNanos()) / 1_000_000_000L);
    }

    /** An end of the server connection: {@code addr=host:port}, {@code addr=unix}, or nothing. */
    private static String serverAddress(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            return " addr=" + address(i);
        }
        return a == null ? "" : " addr=unix";
    }

    private static String address(InetSocketAddress a) {
        if (a == null) {
            return "unix:1";
        }
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        int zone = host.indexOf('%');
        return (zone >= 0 ? host.substring(0, zone) : host) + ":" + a.getPort();
    }

    /** {@code [23/Nov/2026:19:31:52.491682]}'s inside, local time, microseconds as HAProxy prints them. */
    static String acceptDate(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault());
        return String.format(Locale.ROOT, "%02d/%s/%04d:%02d:%02d:%02d.%06d", t.getDayOfMonth(),
                MONTHS[t.getMonthValue() - 1], t.getYear(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano() / 1000);
    }

    /** HAProxy's {@code human_time}: at most two units among d, h, m, s ({@code 0s} for zero). */
    static String humanTime(int seconds) {
        if (seconds < 0) {
            return "?";
        }
        StringBuilder out = new StringBuilder();
        int units = 2;
        if (seconds >= 86_400) {
            out.append(seconds / 86_400).append('d');
            units--;
        }
        if (units > 0 && seconds % 86_400 / 3_600 != 0) {
            out.append(seconds % 86_400 / 3_600).append('h');
            units--;
        }
        if (units > 0 && seconds % 3_600 / 60 != 0) {
            out.append(seconds % 3_600 / 60).append('m');
            units--;
        }
        if ((units > 0 && seconds % 60 != 0) || seconds == 0) {
            out.append(seconds % 60).append('s');
        }
        return out.toString();
    }

    /** C's {@code strtoul(s, NULL, 0)}: the longest valid prefix, 0 when there is none. */
    static long strtoul(String s) {
        String t = s.trim();
        int radix = 10;
        int at = 0;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            at = 2;
        } else if (t.startsWith("0")) {
            radix = 8;
        }
        long value = 0;
        for (; at < t.length(); at++) {
            int d = Character.digit(t.charAt(at), radix);
            if (d < 0) {
                break;
            }
            value = value * radix + d;
        }
        return value;
    }
}
