package io.tollgate.engine.acl;

import java.net.InetAddress;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The reg match method: an unanchored search, as HAProxy's regex_exec() does. */
final class RegexTest implements PatternTest {
    // One reusable Matcher per pattern and event-loop thread, so a request allocates none.
    private final ThreadLocal<Matcher>[] matchers;

    @SuppressWarnings("unchecked")
    RegexTest(List<String> patterns, boolean ignoreCase) throws AclException {
        matchers = new ThreadLocal[patterns.size()];
        for (int i = 0; i < matchers.length; i++) {
            String text = patterns.get(i);
            Pattern compiled;
            try {
                compiled = Pattern.compile(text, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            } catch (PatternSyntaxException e) {
                throw new AclException("regex '" + text + "' is invalid (error=" + e.getDescription()
                        + ", erroffset=" + e.getIndex() + ").");
            }
            matchers[i] = ThreadLocal.withInitial(() -> compiled.matcher(""));
        }
    }

    @Override
    public boolean string(String s, int from, int to) {
        for (ThreadLocal<Matcher> local : matchers) {
            if (local.get().reset(s).region(from, to).find()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean integer(long value) {
        String text = Long.toString(value);
        return string(text, 0, text.length());
    }

    @Override
    public boolean address(InetAddress address) {
        String text = address.getHostAddress();
        return string(text, 0, text.length());
    }
}
