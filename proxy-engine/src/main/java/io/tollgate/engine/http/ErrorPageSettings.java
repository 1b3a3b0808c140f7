package io.tollgate.engine.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A proxy's {@code errorfile}, {@code errorloc}/{@code errorloc302}/{@code errorloc303} and
 * {@code errorfiles} lines, in the order written, as HAProxy keeps them ({@code conf.errors})
 * until every {@code http-errors} section is known. A proxy starts from its {@code defaults}
 * section's settings and appends its own, so its lines override the inherited ones code by code;
 * within one proxy a later line overrides an earlier one for the codes it covers. Immutable:
 * each keyword returns new settings, so a defaults section can hand the same object to every
 * proxy after it.
 */
public final class ErrorPageSettings {
    private static final ErrorPageSettings NONE = new ErrorPageSettings(List.of());

    /** One line: a page for one code, or an import from a section. */
    private sealed interface Entry permits Page, Import {
    }

    private record Page(int code, Reply reply) implements Entry {
    }

    /** {@code codes} empty means every code the section has, without warnings for the others. */
    private record Import(String section, List<Integer> codes, String where) implements Entry {
    }

    private final List<Entry> entries;

    private ErrorPageSettings(List<Entry> entries) {
        this.entries = entries;
    }

    /** No lines: the built-in pages. */
    public static ErrorPageSettings none() {
        return NONE;
    }

    /** {@code errorfile <code> <file>}, {@code words.get(0)} being the keyword. */
    public ErrorPageSettings errorfile(List<String> words, ReplyContext context) throws ReplyException {
        String keyword = words.get(0);
        if (words.size() < 3 || words.get(1).isEmpty() || words.get(2).isEmpty()) {
            throw new ReplyException(keyword + " : expects <status_code> and <file> as arguments.");
        }
        int code = StatusWord.parse(words.get(1));
        if (!DefaultErrorPages.isHandled(code)) {
            throw new ReplyException(keyword + " : status code '" + code + "' not handled.");
        }
        try {
            return with(new Page(code, ErrorFile.load(words.get(2), context).reply(code)));
        } catch (ReplyException e) {
            throw new ReplyException(keyword + " : " + e.getMessage());
        }
    }

    /** {@code errorloc}, {@code errorloc302} or {@code errorloc303 <code> <url>}. */
    public ErrorPageSettings errorloc(List<String> words, ReplyContext context) throws ReplyException {
        ErrorLocation location = ErrorLocation.parse(words, context);
        return with(new Page(location.code(), location.reply()));
    }

    /**
     * {@code errorfiles <name> [<code> ...]}: the section's pages for the codes listed, or for
     * every code it has. The section is looked up by {@link #resolve}.
     *
     * @param where {@code file:line} of this line, for the messages {@link #resolve} gives
     */
    public ErrorPageSettings errorfiles(List<String> words, String where) throws ReplyException {
        String keyword = words.get(0);
        if (words.size() < 2 || words.get(1).isEmpty()) {
            throw new ReplyException(keyword + " : expects <name> as argument.");
        }
        List<Integer> codes = new ArrayList<>();
        for (String word : words.subList(2, words.size())) {
            int code = StatusWord.parse(word);
            if (!DefaultErrorPages.isHandled(code)) {
                throw new ReplyException(keyword + " : status code '" + code + "' not handled.");
            }
            codes.add(code);
        }
        return with(new Import(words.get(1), List.copyOf(codes), where));
    }

    private ErrorPageSettings with(Entry entry) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(entry);
        return new ErrorPageSettings(List.copyOf(more));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The proxy's pages once every section is read ({@code proxy_check_errors}): an unknown
     * section is an error; a listed code the section lacks keeps the earlier page, with a warning.
     */
    public ErrorPages resolve(HttpErrorsSections sections, String proxyName, Consumer<String> warnings)
            throws ReplyException {
        ErrorPages.Builder pages = ErrorPages.builder();
        for (Entry entry : entries) {
            if (entry instanceof Page page) {
                pages.put(page.code(), page.reply());
            } else {
                Import imp = (Import) entry;
                HttpErrorsSection section = sections.find(imp.section()).orElseThrow(() -> new ReplyException(
                        "proxy '" + proxyName + "': unknown http-errors section '" + imp.section() + "' (at "
                                + imp.where() + ")."));
                for (int code : imp.codes().isEmpty() ? DefaultErrorPages.CODES : imp.codes()) {
                    ErrorFile page = section.page(code);
                    if (page != null) {
                        pages.put(code, page.reply(code));
                    } else if (!imp.codes().isEmpty()) {
                        warnings.accept("config: proxy '" + proxyName + "' : status '" + code + "' not declared in"
                                + " http-errors section '" + imp.section() + "' (at " + imp.where() + ").");
                    }
                }
            }
        }
        return pages.build();
    }
}
