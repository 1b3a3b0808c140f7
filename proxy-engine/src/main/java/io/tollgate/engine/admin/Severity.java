package io.tollgate.engine.admin;

/**
 * How an answer is told in HAProxy's CLI: data dumps ({@code show stat}, {@code show info}...)
 * carry no severity; messages do, as syslog levels: errors ({@code cli_err}) are {@code err},
 * the messages a command prints as its answer ({@code show version}, {@code help}...) are
 * {@code info}, some changes answer a {@code warning} or {@code notice}. Only the severity-output
 * setting of a session ({@link SeverityOutput}) makes it visible.
 */
public enum Severity {
    DATA(-1, ""), ERR(3, "err"), WARNING(4, "warning"), NOTICE(5, "notice"), INFO(6, "info");

    private final int number;
    private final String word;

    Severity(int number, String word) {
        this.number = number;
        this.word = word;
    }

    public int number() {
        return number;
    }

    /** The syslog keyword HAProxy prints with {@code severity-output string}. */
    public String word() {
        return word;
    }
}
