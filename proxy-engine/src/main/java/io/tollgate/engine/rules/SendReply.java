package io.tollgate.engine.rules;

import io.tollgate.engine.http.LogFormatCheck;
import io.tollgate.engine.http.Reply;
import io.tollgate.engine.http.ReplyAction;
import io.tollgate.engine.http.ReplyContext;
import io.tollgate.engine.http.ReplyException;
import io.tollgate.engine.http.ReturnReply;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code deny}, {@code tarpit} and {@code return}: sends the rule's {@link ReturnReply}. A reply
 * of its own ({@code string}, {@code file}, {@code errorfile}, {@code errorfiles}) is prepared
 * once; {@code default-errorfiles}, which a deny or tarpit without reply arguments means, takes
 * the stream's page for the status, the backend's first, as HAProxy does; a reply whose
 * {@code hdr} values or {@code lf-string}/{@code lf-file} payload hold log-format expressions is
 * rendered for each request.
 */
final class SendReply implements HttpAction {
    /** Lets a reply keep the log-format expressions {@link FormatString} renders. */
    private static final LogFormatCheck FORMATS = (what, format) -> {
        try {
            FormatString.compile(format);
        } catch (RuleException e) {
            String reason = e.getMessage();
            throw new ReplyException(what + ": " + (reason.endsWith(".") ? reason.substring(0, reason.length() - 1)
                    : reason));
        }
    };

    private final ReplyKind kind;
    private final ReturnReply reply;
    /** For a dynamic reply: its header values and payload (null when fixed), compiled. */
    private final List<FormatString> headers;
    private final FormatString payload;

    private SendReply(ReplyKind kind, ReturnReply reply, List<FormatString> headers, FormatString payload) {
        this.kind = kind;
        this.reply = reply;
        this.headers = headers;
        this.payload = payload;
    }

    /**
     * Parses the words after the action ({@code args}, without the condition); an
     * {@code errorfiles} reply is resolved when the site knows the {@code http-errors} sections.
     */
    static SendReply parse(ReplyKind kind, ReplyAction action, List<String> args, RuleSite site)
            throws RuleException {
        ReplyContext given = site.replies();
        ReplyContext context = new ReplyContext(given.paths(), given.limits(), given.warnings(), FORMATS);
        try {
            ReturnReply reply = ReturnReply.parse(action, args, site.proxyLabel(), context);
            if (site.httpErrors() != null) {
                reply = reply.resolve(site.httpErrors(), site.proxyName(), given.warnings());
            }
            if (!reply.isDynamic()) {
                return new SendReply(kind, reply, null, null);
            }
            ReturnReply.Template t = reply.template();
            List<FormatString> headers = new ArrayList<>();
            for (int i = 1; i < t.headers().size(); i += 2) {
                headers.add(FormatString.compile(t.headers().get(i)));
            }
            FormatString payload = t.payloadFormat() == null ? null : FormatString.compile(t.payloadFormat());
            return new SendReply(kind, reply, List.copyOf(headers), payload);
        } catch (ReplyException e) {
            throw RuleException.complete(e.getMessage());
        }
    }

    /** The reply as parsed, for the checks made once every {@code http-errors} section is known. */
    ReturnReply reply() {
        return reply;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        Reply r;
        if (headers == null) {
            r = tx.errorPages().reply(reply, tx.frontendErrorPages());
        } else {
            List<String> values = new ArrayList<>(headers.size());
            for (FormatString h : headers) {
                values.add(h.render(tx));
            }
            r = reply.render(values, payload == null ? null : payload.render(tx));
        }
        tx.reply(kind, r);
        return Verdict.DONE;
    }
}
