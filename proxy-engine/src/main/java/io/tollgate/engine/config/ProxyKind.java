package io.tollgate.engine.config;

/** The section a proxy was declared in, which decides its capabilities. */
public enum ProxyKind {
    FRONTEND(true, false),
    BACKEND(false, true),
    LISTEN(true, true);

    private final boolean frontend;
    private final boolean backend;

    ProxyKind(boolean frontend, boolean backend) {
        this.frontend = frontend;
        this.backend = backend;
    }

    public boolean isFrontend() {
        return frontend;
    }

    public boolean isBackend() {
        return backend;
    }
}
