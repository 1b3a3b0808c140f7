package io.tollgate.engine.stick;

import java.util.Arrays;

/** Builds specs and tables from a {@code stick-table} line as a configuration would write it. */
final class Tables {
    private Tables() {
    }

    static StickTableSpec spec(String name, String line) {
        try {
            return StickTableSpec.parse(name, Arrays.asList(line.trim().split("\\s+")));
        } catch (StickTableException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static StickTable table(String line, ManualClock clock) {
        return new StickTable(spec("t", line), clock);
    }
}
