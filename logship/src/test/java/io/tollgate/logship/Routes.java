package io.tollgate.logship;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds routes from {@code log} lines, as the engine's configuration parser will. */
final class Routes {

    static final LogIdentity IDENTITY = new LogIdentity("tollgate", null, 4242);

    private Routes() {
    }

    static LogRoute of(String... logLines) {
        List<LogTarget> targets = new ArrayList<>();
        for (String line : logLines) {
            targets.add(LogTarget.parse(Arrays.asList(line.split(" "))));
        }
        return new LogRoute(IDENTITY, targets);
    }
}
