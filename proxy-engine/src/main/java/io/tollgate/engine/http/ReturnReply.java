package io.tollgate.engine.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The reply of {@code http-request return}, {@code http-request deny|tarpit} and
 * {@code http-response return|deny}: a status and one of
 * <ul>
 * <li>nothing: {@code HTTP/1.1 <status> <reason>}, the {@code hdr} headers and
 *     {@code content-length: 0} (none for 204);
 * <li>{@code string <str>}, {@code file <file>}, {@code lf-string <fmt>}, {@code lf-file <file>}: the
 *     same head plus {@code content-type} after {@code content-length}, then the payload;
 * <li>{@code errorfile <file>}: that file, sent as is;
 * <li>{@code errorfiles <name>}: the page an {@code http-errors} section has for the status, or an
 *     empty reply when it has none (after {@link #resolve});
 * <li>{@code default-errorfiles}: the proxy's own page for the status ({@link ErrorPages}). A deny
 *     or tarpit with no reply arguments, or only {@code deny_status <code>}, means this.
 * </ul>
 * Reason phrases come from {@link ReasonPhrases}; header names are written in lower case. Unlike
 * 400 and 408 error pages, these replies keep the connection alive (checked on HAProxy 2.6.12).
 *
 * <p>Log-format payloads and header values are accepted only as plain text ({@link LogFormatText}).
 */
public final class ReturnReply {
    /** Which payload the rule named. */
    public enum Kind { EMPTY, STRING, FILE, LF_STRING, LF_FILE, ERRORFILE, ERRORFILES, DEFAULT_ERRORFILES }

    private final ReplyAction action;
    private final int status;
    private final Kind kind;
    private final String contentType;
    private final String section;
    /** Prepared once; null for default-errorfiles (the proxy decides) and unresolved errorfiles. */
    private final Reply fixed;

    ReturnReply(ReplyAction action, int status, Kind kind, String contentType, String section, Reply fixed) {
        this.action = action;
        this.status = status;
        this.kind = kind;
        this.contentType = contentType;
        this.section = section;
        this.fixed = fixed;
    }

    /**
     * Parses the words after the action ({@code return}, {@code deny}, {@code tarpit}), which may
     * go on with {@code if}/{@code unless} and a condition: parsing stops there. Messages are
     * HAProxy's: {@code error detected in <proxyLabel> while parsing '<rule>' rule : <reason>.},
     * or {@code '<rule>' expects either 'if' or 'unless' followed by a condition but found '<w>'.}
     *
     * @param proxyLabel how HAProxy names the proxy in messages, e.g. {@code frontend 'web'}
     */
    public static ReturnReply parse(ReplyAction action, List<String> words, String proxyLabel, ReplyContext context)
            throws ReplyException {
        return ReplyParser.parse(action, words, proxyLabel, context);
    }

    /** The head and payload HAProxy builds for a reply that is not an error page. */
    static Reply build(int status, List<String> headers, String contentType, byte[] payload) {
        List<String> all = new ArrayList<>(headers);
        if (status != 204) {
            all.add("content-length");
            all.add(Integer.toString(payload.length));
        }
        if (payload.length > 0 && contentType != null) {
            all.add("content-type");
            all.add(contentType);
        }
        return Reply.of(status, HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status, ReasonPhrases.of(status)),
                all, payload, false);
    }

    /**
     * Looks up an {@code errorfiles <name>} reply's section, as HAProxy does once all sections are
     * read; other replies come back unchanged. A section without a page for the status gives an
     * empty reply and HAProxy's warning.
     */
    public ReturnReply resolve(HttpErrorsSections sections, String proxyName, Consumer<String> warnings)
            throws ReplyException {
        if (kind != Kind.ERRORFILES || fixed != null) {
            return this;
        }
        HttpErrorsSection found = sections.find(section).orElseThrow(() -> new ReplyException("Proxy '" + proxyName
                + "': unknown http-errors section '" + section + "' referenced by an http reply ."));
        Reply reply;
        ErrorFile page = found.page(status);
        if (page != null) {
            reply = page.reply(status);
        } else {
            warnings.accept("Proxy '" + proxyName + "': status '" + status + "' referenced by an http reply"
                    + " not declared in http-errors section '" + section + "'.");
            reply = build(status, List.of(), null, new byte[0]);
        }
        return new ReturnReply(action, status, kind, contentType, section, reply);
    }

    public ReplyAction action() {
        return action;
    }

    /** The status HAProxy records for the transaction. */
    public int status() {
        return status;
    }

    public Kind kind() {
        return kind;
    }

    /** The content type kept for the reply (dropped, with a warning, where HAProxy ignores it). */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The {@code http-errors} section an {@code errorfiles} reply names. */
    public Optional<String> errorFilesSection() {
        return Optional.ofNullable(section);
    }

    /** False only for an {@code errorfiles} reply not yet {@link #resolve resolved}. */
    public boolean isResolved() {
        return fixed != null || kind == Kind.DEFAULT_ERRORFILES;
    }

    /** The prepared reply, or null when the proxy's pages decide (default-errorfiles). */
    Reply fixedReply() {
        if (!isResolved()) {
            throw new IllegalStateException("errorfiles '" + section + "' not resolved: call resolve() first");
        }
        return fixed;
    }

    @Override
    public String toString() {
        return "ReturnReply[" + action.label() + " " + status + " " + kind + (fixed == null ? "" : " " + fixed) + "]";
    }
}
