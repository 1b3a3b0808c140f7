package io.tollgate.engine.rules;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reply options shared by {@code deny}, {@code tarpit} and {@code return}:
 * {@code [status|deny_status <code>] [content-type <type>] [default-errorfiles | file <f> |
 * lf-file <f> | string <s> | lf-string <fmt>] [hdr <name> <fmt>]*}. With no body option, a
 * deny answers the proxy's error page for its status and a return answers an empty body.
 */
final class ReplySpec {
    /** The statuses HAProxy 2.6 has a built-in page for. */
    static final java.util.Set<Integer> DEFAULT_PAGES = java.util.Set.of(200, 400, 401, 403, 404, 405, 407, 408, 410,
            413, 425, 429, 500, 501, 502, 503, 504);
    private final int status;
    private final boolean errorPage;
    private final String contentType;
    private final ByteBuf body;
    private final FormatString bodyFormat;
    private final List<String> headerNames;
    private final List<FormatString> headerValues;

    private ReplySpec(int status, boolean errorPage, String contentType, ByteBuf body, FormatString bodyFormat,
                      List<String> headerNames, List<FormatString> headerValues) {
        this.status = status;
        this.errorPage = errorPage;
        this.contentType = contentType;
        this.body = body;
        this.bodyFormat = bodyFormat;
        this.headerNames = headerNames;
        this.headerValues = headerValues;
    }

    /**
     * Parses {@code words} (the action's arguments without its condition). {@code defaultStatus}
     * is 403 for deny, 500 for tarpit, 200 for return; {@code errorPageByDefault} is true for
     * deny and tarpit.
     */
    static ReplySpec parse(String action, List<String> words, int defaultStatus, boolean errorPageByDefault,
                           Path baseDir) throws RuleException {
        int status = defaultStatus;
        boolean errorPage = errorPageByDefault;
        String contentType = null;
        ByteBuf body = null;
        FormatString bodyFormat = null;
        boolean bodySet = false;
        List<String> names = new ArrayList<>();
        List<FormatString> values = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            switch (w) {
                case "status", "deny_status" -> {
                    status = statusCode(action, w, need(action, w, next));
                    i++;
                }
                case "content-type" -> {
                    contentType = need(action, w, next);
                    i++;
                }
                case "default-errorfiles" -> {
                    bodySet = once(action, bodySet);
                    errorPage = true;
                }
                case "string" -> {
                    bodySet = once(action, bodySet);
                    body = Replies.constant(need(action, w, next).getBytes(StandardCharsets.UTF_8));
                    errorPage = false;
                    i++;
                }
                case "lf-string" -> {
                    bodySet = once(action, bodySet);
                    bodyFormat = FormatString.compile(need(action, w, next));
                    errorPage = false;
                    i++;
                }
                case "file", "lf-file" -> {
                    bodySet = once(action, bodySet);
                    String text = read(action, need(action, w, next), baseDir);
                    if (w.equals("file")) {
                        body = Replies.constant(text.getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        bodyFormat = FormatString.compile(text);
                    }
                    errorPage = false;
                    i++;
                }
                case "errorfile", "errorfiles" -> throw new RuleException("'" + action + "' : the '" + w
                        + "' reply option is not supported yet by Tollgate; use 'file' or 'string'.");
                case "hdr" -> {
                    if (i + 2 >= words.size()) {
                        throw new RuleException("'" + action + "' : 'hdr' expects <name> and <fmt> as arguments.");
                    }
                    names.add(words.get(i + 1));
                    values.add(FormatString.compile(words.get(i + 2)));
                    i += 2;
                }
                default -> throw new RuleException("'" + action + "' : unknown keyword '" + w + "'.");
            }
        }
        if ((body != null || bodyFormat != null) && contentType == null) {
            throw new RuleException("a content type must be defined when non-empty payload is configured.");
        }
        if (errorPage && !DEFAULT_PAGES.contains(status)) {
            throw new RuleException("status code '" + status + "' not handled by default with 'default-errorfiles' "
                    + "argument.");
        }
        return new ReplySpec(status, errorPage, contentType, body, bodyFormat, List.copyOf(names), List.copyOf(values));
    }

    int status() {
        return status;
    }

    FullHttpResponse build(HttpTransaction tx) {
        FullHttpResponse r;
        if (errorPage) {
            r = tx.errorPage(status);
        } else if (bodyFormat != null) {
            byte[] bytes = bodyFormat.render(tx).getBytes(StandardCharsets.UTF_8);
            r = Replies.of(status, contentType, Unpooled.wrappedBuffer(bytes));
        } else {
            r = Replies.of(status, contentType, body == null ? Unpooled.EMPTY_BUFFER : body);
        }
        for (int i = 0; i < headerNames.size(); i++) {
            r.headers().add(headerNames.get(i), headerValues.get(i).render(tx));
        }
        return r;
    }

    private static boolean once(String action, boolean bodySet) throws RuleException {
        if (bodySet) {
            throw new RuleException("'" + action + "' : only one of 'default-errorfiles', 'errorfile', 'errorfiles', "
                    + "'file', 'lf-file', 'string' and 'lf-string' may be used.");
        }
        return true;
    }

    private static String need(String action, String keyword, String value) throws RuleException {
        if (value == null) {
            throw new RuleException("'" + action + "' : '" + keyword + "' expects an argument.");
        }
        return value;
    }

    private static int statusCode(String action, String keyword, String value) throws RuleException {
        try {
            int code = Integer.parseInt(value);
            if (code >= 200 && code <= 599) {
                return code;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RuleException("Unexpected status code '" + value + "'.");
    }

    private static String read(String action, String name, Path baseDir) throws RuleException {
        Path file = baseDir == null ? Path.of(name) : baseDir.resolve(name);
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            throw new RuleException("'" + action + "' : failed to read file '" + name + "'.");
        }
    }
}
