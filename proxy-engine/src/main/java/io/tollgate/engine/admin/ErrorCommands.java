package io.tollgate.engine.admin;

import io.tollgate.engine.http.H1Syntax;
import io.tollgate.engine.runtime.ProtocolErrors;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * {@code show errors [<proxy>|<iid>|-1] [request|response]} (operator): the last invalid request
 * of each frontend and the last invalid response of each backend, in HAProxy 2.6.12's layout
 * ({@code cli_io_handler_show_errors} in {@code src/proxy.c}): a header with the number of
 * errors ever captured, then per proxy in configuration order its request, then its response,
 * each with where it came from, where it went wrong and the bytes, dumped as
 * {@code dump_text_line} does. The H1 multiplexer's flags are the values HAProxy shows for a
 * rejected head (Tollgate has no such flags); the message state is the one where the first
 * invalid byte stands. A proxy filter matches the proxy or the other side of the capture.
 */
final class ErrorCommands implements RuntimeApi.Family {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    /** HAProxy's {@code tune.bufsize} and the wrapping point it reports for an HTX buffer of that size. */
    private static final int BUFSIZE = 16_384;
    private static final int WRAPS_AT = 16_336;
    /** A line of the dump holds up to 80 characters with its prefix, as in {@code dump_text_line}. */
    private static final int LINE = 80;

    private final Proxies proxies;

    ErrorCommands(Proxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 2 || !w.get(0).equals("show") || !w.get(1).equals("errors")) {
            return null;
        }
        if (!actor.level().allows(AccessLevel.OPERATOR)) {
            return RuntimeApi.Answer.denied();
        }
        int iid = -1;
        if (w.size() > 2) {
            Proxy named = proxies.proxy(w.get(2));
            iid = named != null ? named.id() : CNumbers.atoi(w.get(2));
            if (iid == 0) {
                return RuntimeApi.Answer.error("No such proxy.\n");
            }
        }
        String kind = w.size() > 3 ? w.get(3) : "";
        ProtocolErrors errors = proxies.errors();
        StringBuilder out = new StringBuilder("Total events captured on [")
                .append(date(System.currentTimeMillis())).append("] : ").append(errors.count()).append('\n');
        for (Proxy p : proxies.all()) {
            if (!kind.equals("response")) {
                dump(out, errors.lastRequest(p), iid);
            }
            if (!kind.equals("request")) {
                dump(out, errors.lastResponse(p), iid);
            }
        }
        return new RuntimeApi.Answer(out.toString(), true);
    }

    private static void dump(StringBuilder out, ProtocolErrors.Snapshot es, int iid) {
        if (es == null) {
            return;
        }
        Proxy px = es.proxy();
        Proxy other = es.isRequest() && es.other() == null && px.isBackend() ? px : es.other();
        if (iid >= 0 && px.id() != iid && (other == null || other.id() != iid)) {
            return;
        }
        out.append(" \n[").append(date(es.whenMillis())).append(']');
        if (es.isRequest()) {
            boolean be = other != null && other.isBackend();
            out.append(" frontend ").append(px.name()).append(" (#").append(px.id()).append("): invalid request\n")
                    .append("  backend ").append(be ? other.name() : "<NONE>").append(" (#")
                    .append(be ? other.id() : -1).append(')');
        } else {
            out.append(" backend ").append(px.name()).append(" (#").append(px.id()).append("): invalid response\n")
                    .append("  frontend ").append(other != null ? other.name() : "<NONE>").append(" (#")
                    .append(other != null ? other.id() : -1).append(')');
        }
        int len = Math.min(es.length(), BUFSIZE);
        out.append(", server ").append(es.server() != null ? es.server().name() : "<NONE>").append(" (#")
                .append(es.server() != null ? es.server().id() : -1).append("), event #").append(es.event())
                .append(", src ").append(source(es.source())).append('\n')
                .append("  buffer starts at 0 (including 0 out), ").append(BUFSIZE - len).append(" free,\n")
                .append("  len ").append(len).append(", wraps at ").append(WRAPS_AT).append(", error at position ")
                .append(es.position()).append('\n');
        out.append(es.isRequest() ? "  H1 connection flags 0x00000100, H1 stream flags 0x00000810\n"
                : "  H1 connection flags 0x80002200, H1 stream flags 0x00004810\n");
        out.append("  H1 msg state ").append(H1Syntax.stateName(es.state())).append('(').append(es.state())
                .append("), H1 msg flags ").append(String.format(Locale.ROOT, "0x%08x", es.flags())).append('\n')
                .append("  H1 chunk len 0 bytes, H1 body len 0 bytes :\n")
                .append("  \n");
        byte[] b = es.bytes();
        int ptr = 0;
        int[] line = {0};
        while (ptr < b.length) {
            ptr = dumpLine(out, b, ptr, line);
        }
    }

    /**
     * One line of HAProxy's {@code dump_text_line}: {@code "  %05d%c "} (a {@code +} when the
     * line continues a longer one), printable ASCII as is, {@code \t \n \r \e \\} escaped,
     * other bytes as {@code \xHH}; a line ends after a {@code \n} or when 80 characters are used.
     */
    static int dumpLine(StringBuilder out, byte[] b, int ptr, int[] line) {
        int begin = out.length();
        int end = begin + LINE;
        out.append(String.format(Locale.ROOT, "  %05d%c ", ptr, ptr == line[0] ? ' ' : '+'));
        while (ptr < b.length) {
            int c = b[ptr] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                if (out.length() > end - 2) {
                    break;
                }
                out.append((char) c);
            } else if (c == '\t' || c == '\n' || c == '\r' || c == 0x1b || c == '\\') {
                if (out.length() > end - 3) {
                    break;
                }
                out.append('\\').append(switch (c) {
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    case 0x1b -> 'e';
                    default -> '\\';
                });
            } else {
                if (out.length() > end - 5) {
                    break;
                }
                out.append("\\x").append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
            if (b[ptr++] == '\n') {
                out.append('\n');
                line[0] = ptr;
                return ptr;
            }
        }
        out.append('\n');
        return ptr;
    }

    private static String source(InetSocketAddress a) {
        if (a == null || a.getAddress() == null) {
            return "unix:0";
        }
        String host = a.getAddress().getHostAddress();
        int zone = host.indexOf('%');
        return (zone >= 0 ? host.substring(0, zone) : host) + ":" + a.getPort();
    }

    /** {@code [23/Nov/2026:19:32:15.523]}'s inside: local time to the millisecond. */
    private static String date(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault());
        return String.format(Locale.ROOT, "%02d/%s/%04d:%02d:%02d:%02d.%03d", t.getDayOfMonth(),
                MONTHS[t.getMonthValue() - 1], t.getYear(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano() / 1_000_000);
    }
}
