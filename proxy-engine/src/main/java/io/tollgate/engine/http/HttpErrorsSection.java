package io.tollgate.engine.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code http-errors <name>} section: a named set of {@code errorfile <code> <file>} pages
 * that proxies import with {@code errorfiles <name> [<code> ...]} and replies use with
 * {@code errorfiles <name>}. Codes are those of {@link DefaultErrorPages#CODES}; a code given
 * twice keeps the last file. Messages are HAProxy 2.6's ({@code cfg_parse_http_errors}).
 */
public final class HttpErrorsSection {
    private final String name;
    private final String declaredAt;
    private final Map<Integer, ErrorFile> pages;

    private HttpErrorsSection(String name, String declaredAt, Map<Integer, ErrorFile> pages) {
        this.name = name;
        this.declaredAt = declaredAt;
        this.pages = Collections.unmodifiableMap(new TreeMap<>(pages));
    }

    /**
     * Starts a section from its header line's name.
     *
     * @param declaredAt where the section starts, {@code file:line}, for the duplicate message
     */
    public static Builder builder(String name, String declaredAt) throws ReplyException {
        if (name.isEmpty()) {
            throw new ReplyException("missing name for http-errors section.");
        }
        for (char c : name.toCharArray()) {
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == ':' || c == '_' || c == '-';
            if (!allowed) {
                throw new ReplyException("character '" + c + "' is not permitted in 'http-errors' name '" + name + "'.");
            }
        }
        return new Builder(name, declaredAt);
    }

    public String name() {
        return name;
    }

    public String declaredAt() {
        return declaredAt;
    }

    /** The page for {@code code}, or null when the section has none. */
    public ErrorFile page(int code) {
        return pages.get(code);
    }

    /** Every page, by code, in ascending order. */
    public Map<Integer, ErrorFile> pages() {
        return pages;
    }

    @Override
    public String toString() {
        return "http-errors " + name + " " + pages.keySet();
    }

    /** The section's lines, read one at a time. */
    public static final class Builder {
        private final String name;
        private final String declaredAt;
        private final Map<Integer, ErrorFile> pages = new TreeMap<>();

        private Builder(String name, String declaredAt) {
            this.name = name;
            this.declaredAt = declaredAt;
        }

        /** One line of the section, {@code words.get(0)} being its keyword; words after the file are ignored. */
        public Builder line(List<String> words, ReplyContext context) throws ReplyException {
            String keyword = words.isEmpty() ? "" : words.get(0);
            if (keyword.isEmpty()) {
                return this;
            }
            if (!keyword.equals("errorfile")) {
                throw new ReplyException("unknown keyword '" + keyword + "' in 'http-errors' section");
            }
            if (words.size() < 3 || words.get(1).isEmpty() || words.get(2).isEmpty()) {
                throw new ReplyException("errorfile: expects <status_code> and <file> as arguments.");
            }
            int code = StatusWord.parse(words.get(1));
            if (!DefaultErrorPages.isHandled(code)) {
                throw new ReplyException("errorfile : status code '" + code + "' not handled.");
            }
            try {
                pages.put(code, ErrorFile.load(words.get(2), context));
            } catch (ReplyException e) {
                throw new ReplyException("errorfile : " + e.getMessage());
            }
            return this;
        }

        public HttpErrorsSection build() {
            return new HttpErrorsSection(name, declaredAt, pages);
        }
    }
}
