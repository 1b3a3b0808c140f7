package io.tollgate.engine.http;

/**
 * Checks a log-format string of a reply ({@code lf-string}, {@code lf-file}, {@code hdr} values)
 * that holds expressions ({@code %[src]}, {@code %ci}, ...): the rule engine, which renders them
 * per request, says here whether it can. Without one, {@link ReplyContext} refuses expressions.
 */
@FunctionalInterface
public interface LogFormatCheck {
    /**
     * @param what   names the argument in messages, e.g. {@code lf-string} or {@code 'hdr X-Client'}
     * @param format the text as it will be rendered (one char per byte on the wire)
     * @throws ReplyException when the engine cannot render it; the message says why
     */
    void check(String what, String format) throws ReplyException;
}
