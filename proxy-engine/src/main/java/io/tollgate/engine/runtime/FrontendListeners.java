package io.tollgate.engine.runtime;

/**
 * A frontend's listening sockets as the network layer runs them, for what the runtime API does
 * to a frontend ({@link FrontendChanges}). Without a network layer (tests, tools) nothing
 * listens: {@link #NONE} accepts every change.
 */
public interface FrontendListeners {
    FrontendListeners NONE = new FrontendListeners() {
        @Override
        public boolean pause() {
            return true;
        }

        @Override
        public boolean resume() {
            return true;
        }

        @Override
        public void stop() {
        }

        @Override
        public void maxconnChanged() {
        }
    };

    /** Stops listening, so that connects are refused; open connections go on. False when it failed. */
    boolean pause();

    /** Listens again on the same addresses; false when one of them cannot be bound (a port taken meanwhile). */
    boolean resume();

    /** Stops listening for good. */
    void stop();

    /** The frontend's {@code maxconn} changed: held connections get in, or the sockets stop accepting. */
    void maxconnChanged();
}
