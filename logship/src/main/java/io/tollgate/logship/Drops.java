package io.tollgate.logship;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Counts messages that were not delivered, and passes problems on to whoever reports them. */
final class Drops {

    private final LongAdder count = new LongAdder();
    private final Consumer<String> problems;

    Drops(Consumer<String> problems) {
        this.problems = problems;
    }

    void add(long messages) {
        count.add(messages);
    }

    long total() {
        return count.sum();
    }

    void report(String problem) {
        problems.accept(problem);
    }
}
