package io.tollgate.engine.acl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A sample expression, {@code fetch[(args)][,converter[(args)]]...}, evaluated to one value: the
 * form HAProxy uses where a rule needs a value rather than a test ({@code set-var}, the
 * {@code %[...]} of a header value, a stick table key). The fetches are the ACL criteria; where
 * an ACL would try every occurrence, a value takes one: the last occurrence of a header, as
 * HAProxy's sample fetches do, else the first sample offered.
 */
public final class SampleExpression {
    private final Fetch fetch;
    private final String fetchName;
    private final Converter[] converters;
    private final String text;

    private SampleExpression(Fetch fetch, String fetchName, Converter[] converters, String text) {
        this.fetch = fetch;
        this.fetchName = fetchName;
        this.converters = converters;
        this.text = text;
    }

    /** Compiles {@code expression}; errors name the fetch or converter that is wrong. */
    public static SampleExpression compile(String expression) throws AclException {
        List<String> parts = splitTopLevel(expression);
        String head = parts.get(0).strip();
        if (head.isEmpty()) {
            throw new AclException("missing fetch method in sample expression '" + expression + "'.");
        }
        int paren = head.indexOf('(');
        String keyword = paren < 0 ? head : head.substring(0, paren);
        String[] args = arguments(keyword, head, paren);
        Fetch fetch = ValueFetches.create(keyword, args, expression);
        Converter[] converters = new Converter[parts.size() - 1];
        for (int i = 1; i < parts.size(); i++) {
            converters[i - 1] = Converters.compile(parts.get(i).strip(), expression);
        }
        return new SampleExpression(fetch, keyword, converters, expression);
    }

    /** Checks a variable name's scope ({@code txn.x}) as HAProxy does; the message says what is wrong. */
    public static void checkVariableName(String name) throws AclException {
        VariableFetches.checkName(name);
    }

    /** The fetch's keyword, without arguments or converters ({@code req.hdr} for {@code req.hdr(host),lower}). */
    public String fetchName() {
        return fetchName;
    }

    /** The value for {@code request} as text, or null when the fetch yields no sample. */
    public String value(RequestView request) {
        Capture capture = new Capture();
        fetch.anyMatch(request, capture);
        String value = capture.value;
        for (int i = 0; value != null && i < converters.length; i++) {
            value = converters[i].apply(value, request);
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Splits on commas outside parentheses: {@code req.hdr(a,1),lower} is two parts. */
    static List<String> splitTopLevel(String expression) throws AclException {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new AclException("unbalanced ')' in sample expression '" + expression + "'.");
                }
            } else if (c == ',' && depth == 0) {
                parts.add(expression.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new AclException("missing ')' in sample expression '" + expression + "'.");
        }
        parts.add(expression.substring(start));
        return parts;
    }

    static String[] arguments(String keyword, String word, int paren) throws AclException {
        if (paren < 0) {
            return new String[0];
        }
        if (!word.endsWith(")")) {
            throw new AclException("'" + keyword + "' : expected ')'.");
        }
        String inside = word.substring(paren + 1, word.length() - 1);
        return inside.isEmpty() ? new String[0] : inside.split(",", -1);
    }

    /** Keeps the first sample a fetch offers, as text. */
    private static final class Capture implements PatternTest {
        String value;

        @Override
        public boolean string(String s, int from, int to) {
            value = s.substring(from, to);
            return true;
        }

        @Override
        public boolean integer(long v) {
            value = Long.toString(v);
            return true;
        }

        @Override
        public boolean address(InetAddress address) {
            value = address.getHostAddress();
            return true;
        }
    }
}
