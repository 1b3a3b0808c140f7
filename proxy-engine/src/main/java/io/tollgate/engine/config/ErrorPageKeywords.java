package io.tollgate.engine.config;

import io.tollgate.engine.http.ErrorPages;
import io.tollgate.engine.http.HttpErrorsSection;
import io.tollgate.engine.http.HttpErrorsSections;
import io.tollgate.engine.http.ReplyException;
import io.tollgate.engine.http.ReturnReply;

import java.util.List;

/**
 * The error pages: {@code errorfile <code> <file>}, {@code errorloc|errorloc302|errorloc303
 * <code> <url>} and {@code errorfiles <name> [<code> ...]} in proxies (a {@code defaults}
 * section's lines are inherited, a proxy's own override them code by code), and the
 * {@code http-errors <name>} section of {@code errorfile} lines. Files are read as the lines are,
 * relative names resolved as {@code default-path} says; {@code errorfiles} names, in proxies and
 * in {@code deny}/{@code return} replies, are looked up once every section is read, as HAProxy
 * does ({@link #resolve}). Messages are HAProxy 2.6's.
 */
final class ErrorPageKeywords {
    /**
     * An {@code http-errors} section being read. Its one keyword, {@code errorfile}, is read by
     * the section model itself, which words an unknown one as HAProxy does (no suggestion).
     */
    record HttpErrorsState(String name, HttpErrorsSection.Builder pages, Source source,
                           ConfigEnvironment environment) implements Section {
        @Override
        public String keyword() {
            return "http-errors";
        }

        @Override
        public void parse(Line line, Problems problems) {
            try {
                pages.line(line.words(), environment.replies(problems, line.source()));
            } catch (ReplyException e) {
                problems.alert(line.source(), e.getMessage());
            }
        }
    }

    /** A reply that names an {@code http-errors} section, with the rule's line. */
    record PendingReply(ReturnReply reply, Source source) {
    }

    @FunctionalInterface
    private interface ReplyCall {
        void run() throws ReplyException;
    }

    private ErrorPageKeywords() {
    }

    static void register(KeywordTable<ProxyState> t) {
        t.add("errorfile", (line, proxy, problems) -> call(() -> proxy.errorPages = proxy.errorPages.errorfile(
                line.words(), proxy.environment.replies(problems, line.source()))));
        t.addAll(List.of("errorloc", "errorloc302", "errorloc303"), (line, proxy, problems) -> call(() ->
                proxy.errorPages = proxy.errorPages.errorloc(line.words(), proxy.environment.replies(problems,
                        line.source()))));
        t.add("errorfiles", (line, proxy, problems) -> call(() -> proxy.errorPages = proxy.errorPages.errorfiles(
                line.words(), line.source().toString())));
    }

    private static void call(ReplyCall call) throws KeywordException {
        try {
            call.run();
        } catch (ReplyException e) {
            throw new KeywordException(e.getMessage());
        }
    }

    /** Opens {@code http-errors <name>}; a bad name is reported and the section's lines skipped. */
    static Section open(Line header, ParseSession session) {
        HttpErrorsSection.Builder pages;
        try {
            pages = HttpErrorsSection.builder(header.arg(1), header.source().toString());
        } catch (ReplyException e) {
            session.problems.alert(header.source(), e.getMessage());
            return new SkippedSection(header.keyword(), header.arg(1));
        }
        HttpErrorsState state = new HttpErrorsState(header.arg(1), pages, header.source(), session.environment);
        session.httpErrors.add(state);
        return state;
    }

    /** Every {@code http-errors} section read, a second one of a name refused. */
    static HttpErrorsSections sections(List<HttpErrorsState> read, Problems problems) {
        HttpErrorsSections sections = HttpErrorsSections.none();
        for (HttpErrorsState state : read) {
            try {
                sections = sections.plus(state.pages().build());
            } catch (ReplyException e) {
                problems.alert(state.source(), e.getMessage());
            }
        }
        return sections;
    }

    /**
     * Looks up the sections {@code proxy} names, in its replies then in its {@code errorfiles}
     * lines, and returns its pages. HAProxy reports these without a line; a reply's problems
     * carry the rule's line here, the {@code errorfiles} ones name theirs in the message.
     */
    static ErrorPages resolve(ProxyState proxy, HttpErrorsSections sections, Problems problems) {
        for (PendingReply pending : proxy.pendingReplies) {
            try {
                pending.reply().resolve(sections, proxy.name, w -> problems.warn(pending.source(), w));
            } catch (ReplyException e) {
                problems.alert(pending.source(), e.getMessage());
            }
        }
        return proxy.errorPages.resolve(sections, proxy.name, w -> problems.warn(null, w), e -> problems.alert(null, e));
    }
}
