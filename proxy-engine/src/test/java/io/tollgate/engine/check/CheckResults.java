package io.tollgate.engine.check;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Reads what the stats show for a checked server as one line, {@code check_status/check_code
 * last_chk}, the way the HAProxy 2.6.12 references were written down (e.g.
 * {@code L7STS/1045 #28000Access denied ...}, {@code L7OK/0 Redis server is ok}, {@code L4CON
 * Connection refused}).
 */
final class CheckResults {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private CheckResults() {
    }

    /** A defaults section for check tests: TCP, every server checked every 200 ms, {@code rise 1 fall 1}. */
    static String defaults(String checkTimeout) {
        return """
                defaults
                  mode tcp
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                  timeout check %s
                  default-server check inter 200 rise 1 fall 1
                """.formatted(checkTimeout);
    }

    /** A backend with one server {@code s} on 127.0.0.1:{@code port}, checked by {@code option <option>}. */
    static String backend(String name, String option, int port) {
        return "backend " + name + "\n  option " + option + "\n  server s 127.0.0.1:" + port + "\n";
    }

    /** The first check result of {@code backend/server}, as the stats showed it. */
    static String first(CheckedEngine e, String backend, String server) throws InterruptedException {
        return awaitResult(e, backend, server, s -> true);
    }

    /** The first check of {@code backend/server} whose line satisfies {@code wanted}. */
    static String awaitResult(CheckedEngine e, String backend, String server, Predicate<String> wanted)
            throws InterruptedException {
        String[] found = new String[1];
        try {
            CheckedEngine.await(WAIT, "a check of " + backend + "/" + server, () -> {
                for (CheckedEngine.Seen s : e.checksOf(backend, server)) {
                    String line = line(s);
                    if (wanted.test(line)) {
                        found[0] = line;
                        return true;
                    }
                }
                return false;
            });
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; seen: "
                    + e.checksOf(backend, server).stream().map(CheckResults::line).toList(), timedOut);
        }
        return found[0];
    }

    static String line(CheckedEngine.Seen s) {
        String code = s.row().get("check_code");
        String info = s.result().info();
        return s.row().get("check_status").replace("* ", "") + (code.isEmpty() ? "" : "/" + code)
                + (info.isEmpty() ? "" : " " + info);
    }
}
