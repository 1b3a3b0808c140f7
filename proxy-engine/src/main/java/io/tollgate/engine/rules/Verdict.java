package io.tollgate.engine.rules;

/** What a rule list says after an action: go on, stop here (allow), or a reply was decided. */
public enum Verdict {
    CONTINUE, STOP, DONE
}
