package io.tollgate.engine.check;

import io.tollgate.engine.runtime.ServerEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * State-change lines, HAProxy's (as {@code haproxy -db} prints them with
 * {@code log stderr format short}) or Tollgate's ({@link ServerEvent}s), in one comparable form:
 * {@code <level>message} for a syslog line, {@code [WARNING] message} for a stderr line, check
 * durations masked, grouped by what they are about ({@code px/sv}, or {@code px} for a backend)
 * and by channel, in order. Servers are checked on their own timers, so only the order of the
 * lines about one server is fixed.
 */
final class StateLines {
    private static final Pattern SYSLOG = Pattern.compile("<(\\d)>(.*)");
    private static final Pattern STDERR = Pattern.compile("\\[(WARNING|ALERT)]\\s+\\(\\d+\\) : (.*)");
    private static final Pattern SUBJECT = Pattern.compile("(?:[Ss]erver|backend|proxy) '?([\\w.-]+(?:/[\\w.-]+)?)");
    private static final Pattern STATE_CHANGE = Pattern.compile(
            "(?:Backup )?Server \\S+/\\S+ (?:is|was|enters|remains) .*|(?:Health|Agent) check for .*"
                    + "|(?:backend|proxy) \\S+ has no server available!");

    private final Map<String, List<String>> groups = new TreeMap<>();

    /** HAProxy's output: lines that are not state changes (notices, config warnings) are left out. */
    static StateLines ofHaproxy(List<String> output) {
        StateLines lines = new StateLines();
        for (String line : output) {
            Matcher m = SYSLOG.matcher(line);
            if (m.matches()) {
                lines.add("syslog", "<" + m.group(1) + ">", m.group(2));
                continue;
            }
            m = STDERR.matcher(line);
            if (m.matches()) {
                lines.add("stderr", "[" + m.group(1) + "] ", m.group(2));
            }
        }
        return lines;
    }

    static StateLines ofTollgate(List<ServerEvent> events) {
        StateLines lines = new StateLines();
        for (ServerEvent e : events) {
            lines.add("syslog", "<" + e.level() + ">", e.message());
            if (e.stderr() != null) {
                lines.add("stderr", "[" + e.stderrTag() + "] ", e.stderr());
            }
        }
        return lines;
    }

    /** Each group, keyed {@code px/sv (syslog)}, {@code px (stderr)}, ... */
    Map<String, List<String>> groups() {
        return groups;
    }

    private void add(String channel, String tag, String message) {
        // on stderr HAProxy quotes the backend's name; keep its form in the text, not in the key
        String plain = message.replace("'", "");
        if (!STATE_CHANGE.matcher(plain).matches()) {
            return;
        }
        Matcher m = SUBJECT.matcher(plain);
        String subject = m.find() ? m.group(1) : "?";
        groups.computeIfAbsent(subject + " (" + channel + ")", k -> new ArrayList<>()).add(tag + mask(message));
    }

    /** Check durations differ from run to run: {@code check duration: 3ms} becomes {@code check duration: Nms}. */
    static String mask(String text) {
        return text.replaceAll("check duration: \\d+ms", "check duration: Nms").replaceAll("in \\d+ms", "in Nms");
    }
}
