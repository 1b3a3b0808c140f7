package io.tollgate.engine.config;

/** {@code mode tcp|http}; the CSV {@code mode} column prints {@link #word()}. */
public enum ProxyMode {
    TCP("tcp"),
    HTTP("http");

    private final String word;

    ProxyMode(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
