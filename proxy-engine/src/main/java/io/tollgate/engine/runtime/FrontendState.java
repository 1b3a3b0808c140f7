package io.tollgate.engine.runtime;

/** Whether a frontend accepts connections, with the word of its FRONTEND row's {@code status}. */
public enum FrontendState {
    OPEN("OPEN"),
    /** {@code disable frontend}: not listening until {@code enable frontend}. */
    PAUSED("PAUSED"),
    /** {@code shutdown frontend}: not listening, for good. */
    STOPPED("STOP");

    private final String status;

    FrontendState(String status) {
        this.status = status;
    }

    /** The CSV {@code status}. */
    public String status() {
        return status;
    }
}
