package io.tollgate.engine.acl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ACL test over a shared pattern list ({@link PatternRef}: a {@code -f} file or the patterns
 * written on the ACL line): each request reads the last compiled snapshot, with no lock, and
 * the runtime API's changes swap in a new one.
 */
final class LivePatterns implements PatternTest, PatternRef.User {
    private final MatchMethod method;
    private final boolean ignoreCase;
    private volatile PatternTest current;

    LivePatterns(MatchMethod method, boolean ignoreCase) {
        this.method = method;
        this.ignoreCase = ignoreCase;
    }

    @Override
    public boolean string(String s, int from, int to) {
        return current.string(s, from, to);
    }

    @Override
    public boolean integer(long value) {
        return current.integer(value);
    }

    @Override
    public boolean address(InetAddress address) {
        return current.address(address);
    }

    @Override
    public Object compile(List<PatternRef.Item> items) throws AclException {
        List<String> patterns = new ArrayList<>(items.size());
        for (PatternRef.Item item : items) {
            patterns.add(item.key());
        }
        return method.compile(patterns, ignoreCase);
    }

    @Override
    public void publish(Object compiled) {
        current = (PatternTest) compiled;
    }

    @Override
    public String describe() {
        return "type=" + method.keyword() + ", case=" + (ignoreCase ? "insensitive" : "sensitive");
    }

    @Override
    public String index() {
        return PatternIndex.kind(method, ignoreCase);
    }

    @Override
    public PatternRef.Item lookup(List<PatternRef.Item> items, String sample) throws AclException {
        return PatternIndex.build(method, ignoreCase, items).find(sample);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LivePatterns other && other.method == method && other.ignoreCase == ignoreCase;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, ignoreCase);
    }
}
