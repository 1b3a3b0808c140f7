package io.tollgate.engine.rules;

/** {@code allow}: stops this rule list; the request goes on. */
final class Allow implements HttpAction {
    static final Allow INSTANCE = new Allow();

    @Override
    public Verdict apply(HttpTransaction tx) {
        return Verdict.STOP;
    }
}
