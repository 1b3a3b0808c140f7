package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A section's {@code tcp-check} lines while it is parsed, turned into a
 * {@link TcpCheckDefinition} once the section is complete and {@code option tcp-check} holds.
 * As in HAProxy, a proxy starts with its defaults section's rules only when that section used
 * them ({@code option tcp-check}), and its own first rule replaces them rather than adding to them.
 */
final class TcpCheckRules {
    /** {@code option tcp-check} as selected. */
    record Selected() implements CheckDefinition {
        @Override
        public String type() {
            return "tcp-check";
        }
    }

    /** One line: a step, or a {@code tcp-check comment} (step null), which still takes a step number. */
    private record Entry(TcpCheckDefinition.Step step, String comment) {
    }

    private final List<Entry> entries = new ArrayList<>();
    /** The entries came from the defaults section: the section's first rule starts over. */
    private boolean inherited;
    /** The section wrote rules itself, and the check option in effect when it last did. */
    private boolean written;
    private CheckDefinition optionWhenWritten;

    /** The rules a proxy starts with when its defaults section runs them. */
    TcpCheckRules inheritedCopy() {
        TcpCheckRules c = new TcpCheckRules();
        c.entries.addAll(entries);
        c.inherited = true;
        return c;
    }

    /** Starts a new rule written while {@code option} is in effect; returns its step number. */
    int begin(CheckDefinition option) {
        if (inherited) {
            entries.clear();
            inherited = false;
        }
        written = true;
        optionWhenWritten = option;
        return entries.size() + 1;
    }

    void add(TcpCheckDefinition.Step step) {
        entries.add(new Entry(step, null));
    }

    void addComment(String comment) {
        entries.add(new Entry(null, comment));
    }

    /** Whether a send or expect comes before any connect: then a later connect is refused. */
    boolean startsWithoutConnect() {
        TcpCheckDefinition.Step first = firstStep();
        return first != null && !(first instanceof TcpCheckDefinition.Connect);
    }

    /**
     * Whether rules were written and nothing uses them: no {@code option tcp-check} at the end,
     * and no other check option chosen after them (which, in HAProxy, drops them silently).
     */
    boolean unused(CheckDefinition finalOption) {
        return written && !(finalOption instanceof Selected) && finalOption == optionWhenWritten;
    }

    /** The script: the implicit connect first when needed, comments attached as HAProxy does. */
    TcpCheckDefinition definition() {
        List<Entry> all = new ArrayList<>();
        if (!(firstStep() instanceof TcpCheckDefinition.Connect)) {
            all.add(new Entry(TcpCheckDefinition.Connect.implicitConnect(), null));
        }
        all.addAll(entries);
        List<TcpCheckDefinition.Step> steps = new ArrayList<>();
        String comment = null;
        Class<?> previous = null;
        for (Entry e : all) {
            Class<?> kind = e.step() == null ? Entry.class : e.step().getClass();
            // a comment lasts while the rules after it are of one kind
            if (previous != null && kind != previous && previous != Entry.class) {
                comment = null;
            }
            previous = kind;
            if (e.step() == null) {
                comment = e.comment();
                continue;
            }
            TcpCheckDefinition.Step step = e.step();
            if (step.comment() == null && comment != null && !(step instanceof TcpCheckDefinition.Action)) {
                step = step.withComment(comment);
            }
            if (step instanceof TcpCheckDefinition.Connect || step instanceof TcpCheckDefinition.Action) {
                comment = null;
            }
            steps.add(step);
        }
        return new TcpCheckDefinition(steps);
    }

    /** The first rule that is neither a comment nor an action, or null. */
    private TcpCheckDefinition.Step firstStep() {
        for (Entry e : entries) {
            if (e.step() != null && !(e.step() instanceof TcpCheckDefinition.Action)) {
                return e.step();
            }
        }
        return null;
    }
}
