package io.tollgate.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the reply arguments of one rule, following HAProxy 2.6's {@code http_parse_http_reply}
 * ({@code src/http_htx.c}) and {@code parse_http_deny} ({@code src/http_act.c}) step by step, so
 * that the same words fail with the same messages: options in any order, one payload at most,
 * checks once all are read. Parsing stops at the first word it does not know; only
 * {@code if}/{@code unless} (or nothing) may follow. One check is Tollgate's own: a {@code hdr}
 * name must be a token, since HAProxy would write any name as given.
 */
final class ReplyParser {
    /** Headers a reply computes itself; HAProxy ignores them in {@code hdr}, with a warning. */
    private static final Set<String> COMPUTED_HEADERS = Set.of("content-length", "transfer-encoding", "content-type");

    private final ReplyContext context;
    private final List<String> words;
    private int at;
    private int status;
    private String contentType;
    private ReturnReply.Kind kind = ReturnReply.Kind.EMPTY;
    private String payloadText;
    /** How the log-format text maps to bytes: UTF-8 for configuration words, byte for byte for files. */
    private Charset payloadCharset = StandardCharsets.UTF_8;
    private byte[] payload = new byte[0];
    private ErrorFile errorFile;
    private String section;
    private final List<String> headers = new ArrayList<>();

    private ReplyParser(List<String> words, int defaultStatus, ReplyContext context) {
        this.words = words;
        this.status = defaultStatus;
        this.context = context;
    }

    static ReturnReply parse(ReplyAction action, List<String> words, String proxyLabel, ReplyContext context)
            throws ReplyException {
        List<String> args = new ArrayList<>(words);
        int next;
        ReturnReply reply;
        try {
            if (action.denies() && (word(args, 0).isEmpty() || isCondition(word(args, 0)))) {
                reply = fixed(action, List.of("default-errorfiles"), context);
                next = 0;
            } else if (action.denies() && word(args, 0).equals("deny_status")
                    && (word(args, 2).isEmpty() || isCondition(word(args, 2)))) {
                // the legacy form: HAProxy reads it as "status <code> default-errorfiles"
                reply = fixed(action, List.of("status", word(args, 1), "default-errorfiles"), context);
                next = Math.min(2, args.size());
            } else {
                if (action.denies() && word(args, 0).equals("deny_status")) {
                    args.set(0, "status");
                }
                ReplyParser parser = new ReplyParser(args, action.defaultStatus(), context);
                reply = parser.reply(action);
                next = parser.at;
            }
        } catch (ReplyException e) {
            throw new ReplyException("error detected in " + proxyLabel + " while parsing '" + action.label()
                    + "' rule : " + e.getMessage() + ".");
        }
        String rest = word(args, next);
        if (!rest.isEmpty() && !isCondition(rest)) {
            throw new ReplyException("'" + action.label() + "' expects either 'if' or 'unless' followed by a"
                    + " condition but found '" + rest + "'.");
        }
        return reply;
    }

    private static ReturnReply fixed(ReplyAction action, List<String> words, ReplyContext context)
            throws ReplyException {
        return new ReplyParser(words, action.defaultStatus(), context).reply(action);
    }

    private static boolean isCondition(String word) {
        return word.equals("if") || word.equals("unless");
    }

    /** HAProxy's argument array ends with empty strings, so a missing word reads as "". */
    private static String word(List<String> words, int i) {
        return i < words.size() ? words.get(i) : "";
    }

    private String arg(int offset) {
        return word(words, at + offset);
    }

    private ReturnReply reply(ReplyAction action) throws ReplyException {
        while (!arg(0).isEmpty() && option(arg(0))) {
            // each option advances the cursor
        }
        return check(action);
    }

    /** Reads one option at the cursor; false when the word is not one. */
    private boolean option(String name) throws ReplyException {
        switch (name) {
            case "status" -> {
                requireArg(name, "<status_code>");
                status = StatusWord.parse(arg(1));
                if (status < 200 || status > 599) {
                    throw new ReplyException("Unexpected status code '" + status + "'");
                }
                at += 2;
            }
            case "content-type" -> {
                requireArg(name, "<ctype>");
                contentType = wireText(arg(1));
                at += 2;
            }
            case "errorfiles" -> {
                payload(name, ReturnReply.Kind.ERRORFILES, "<name>");
                section = arg(1);
                at += 2;
            }
            case "default-errorfiles" -> {
                payload(name, ReturnReply.Kind.DEFAULT_ERRORFILES, null);
                at += 1;
            }
            case "errorfile" -> {
                payload(name, ReturnReply.Kind.ERRORFILE, "<fmt>");
                errorFile = ErrorFile.load(arg(1), context);
                at += 2;
            }
            case "file" -> {
                payload(name, ReturnReply.Kind.FILE, "<file>");
                payload = read(arg(1));
                at += 2;
            }
            case "lf-file" -> {
                payload(name, ReturnReply.Kind.LF_FILE, "<file>");
                payloadCharset = StandardCharsets.ISO_8859_1;
                payloadText = new String(read(arg(1)), payloadCharset);
                at += 2;
            }
            case "string" -> {
                payload(name, ReturnReply.Kind.STRING, "<str>");
                payload = arg(1).getBytes(StandardCharsets.UTF_8);
                at += 2;
            }
            case "lf-string" -> {
                payload(name, ReturnReply.Kind.LF_STRING, "<fmt>");
                payloadText = arg(1);
                at += 2;
            }
            case "hdr" -> header();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void requireArg(String name, String what) throws ReplyException {
        if (arg(1).isEmpty()) {
            throw new ReplyException("'" + name + "' expects " + what + " as argument");
        }
    }

    /** A payload option: only one per reply. */
    private void payload(String name, ReturnReply.Kind newKind, String what) throws ReplyException {
        if (kind != ReturnReply.Kind.EMPTY) {
            throw new ReplyException("unexpected '" + name + "' argument, '" + keywordOf(kind) + "' already defined");
        }
        if (what != null) {
            requireArg(name, what);
        }
        kind = newKind;
    }

    private static String keywordOf(ReturnReply.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void header() throws ReplyException {
        if (arg(1).isEmpty() || arg(2).isEmpty()) {
            throw new ReplyException("'hdr' expects <name> and <value> as arguments");
        }
        String name = arg(1);
        if (COMPUTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            context.warn("header '" + name + "' always ignored by the http reply.");
        } else {
            if (!name.chars().allMatch(ReplyParser::isTokenChar)) {
                throw new ReplyException("'hdr' : '" + name + "' is not a valid header name");
            }
            headers.add(name.toLowerCase(Locale.ROOT));
            headers.add(wireText(LogFormatText.plain("'hdr " + name + "'", arg(2))));
        }
        at += 3;
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Header text as Netty writes it: one char per byte, so UTF-8 words keep their bytes. */
    private static String wireText(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private byte[] read(String name) throws ReplyException {
        Path path = context.path(name);
        if (path == null || !Files.exists(path) || !Files.isReadable(path)) {
            throw new ReplyException("error opening file '" + name + "'");
        }
        int bufsize = context.limits().bufsize();
        try (InputStream in = Files.newInputStream(path)) {
            long size = Files.size(path);
            if (size > bufsize) {
                throw new ReplyException("file '" + name + "' exceeds the buffer size (" + size + " > " + bufsize + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ReplyException("error reading file '" + name + "'");
        }
    }

    /** The checks HAProxy makes once every option is read, then the reply itself. */
    private ReturnReply check(ReplyAction action) throws ReplyException {
        switch (kind) {
            case EMPTY -> {
                if (contentType != null) {
                    context.warn("content-type '" + contentType + "' ignored by the http reply because neither"
                            + " errorfile nor payload defined.");
                    contentType = null;
                }
            }
            case ERRORFILE, ERRORFILES, DEFAULT_ERRORFILES -> {
                if (kind != ReturnReply.Kind.ERRORFILE && !DefaultErrorPages.isHandled(status)) {
                    throw new ReplyException("status code '" + status + "' not handled by default with '"
                            + keywordOf(kind) + "' argument.");
                }
                // "erorrfile" is HAProxy 2.6's spelling
                if (contentType != null) {
                    context.warn("content-type '" + contentType + "' ignored by the http reply when used with an"
                            + " erorrfile.");
                    contentType = null;
                }
                if (!headers.isEmpty()) {
                    context.warn("hdr parameters ignored by the http reply when used with an erorrfile.");
                    headers.clear();
                }
            }
            case STRING, FILE -> checkRaw();
            case LF_STRING, LF_FILE -> {
                if (status == 204 || status == 304) {
                    throw new ReplyException("No body expected for " + status + " responses");
                }
                if (contentType == null) {
                    throw new ReplyException("a content type must be defined with a log-format payload");
                }
                payload = LogFormatText.plain(keywordOf(kind), payloadText).getBytes(payloadCharset);
            }
        }
        Reply fixed = switch (kind) {
            case DEFAULT_ERRORFILES, ERRORFILES -> null;
            case ERRORFILE -> errorFile.reply(status);
            default -> ReturnReply.build(status, headers, contentType, payload);
        };
        return new ReturnReply(action, status, kind, contentType, section, fixed);
    }

    private void checkRaw() throws ReplyException {
        if ((status == 204 || status == 304) && payload.length > 0) {
            throw new ReplyException("No body expected for " + status + " responses");
        }
        if (contentType == null && payload.length > 0) {
            throw new ReplyException("a content type must be defined when non-empty payload is configured");
        }
        if (contentType != null && payload.length == 0) {
            context.warn("content-type '" + contentType + "' ignored by the http reply when used with an empty"
                    + " payload.");
            contentType = null;
        }
        if (context.limits().bufsize() - payload.length < context.limits().maxrewrite()) {
            context.warn("http reply payload runs over the buffer space reserved to headers rewriting. It may lead"
                    + " to internal errors if strict rewriting mode is enabled.");
        }
    }
}
