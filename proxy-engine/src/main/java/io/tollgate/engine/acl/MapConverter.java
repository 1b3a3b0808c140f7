package io.tollgate.engine.acl;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code map*} converters: {@code map_<match>[_<output>](<file>[,<default>])}, the input
 * looked up in a map file with a match method ({@code map} is {@code map_str}), the value of the
 * deciding line returned, else the default, else no sample. The file is a shared
 * {@link PatternRef}, so {@code add|set|del map} on the runtime API apply to the next request.
 * Values are handed on as text whatever the output type: the next step casts them as it would
 * any text.
 */
final class MapConverter implements PatternRef.User {
    private static final Set<String> OUTPUTS = Set.of("str", "int", "ip", "ipv6");

    private final MatchMethod method;
    private final String output;
    private volatile PatternIndex current;

    private MapConverter(MatchMethod method, String output) {
        this.method = method;
        this.output = output;
    }

    /** Whether {@code keyword} names a map converter. */
    static boolean handles(String keyword) {
        return parse(keyword) != null;
    }

    static Converter create(String keyword, String[] args) throws AclException {
        MapConverter user = parse(keyword);
        if (user == null) {
            throw new AclException("unknown converter '" + keyword + "'.");
        }
        if (args.length < 1 || args.length > 2) {
            throw new AclException("invalid args in converter '" + keyword + "' : expects <file>[,<default>].");
        }
        MapConverter shared;
        try {
            shared = (MapConverter) PatternFiles.load(args[0], null, "map").join(user);
        } catch (AclException e) {
            throw new AclException("invalid args in converter '" + keyword + "' : " + e.getMessage());
        }
        String fallback = args.length > 1 ? args[1] : null;
        return (value, request) -> {
            PatternRef.Item item = shared.current.find(value);
            return item != null ? item.value() : fallback;
        };
    }

    private static MapConverter parse(String keyword) {
        if (keyword.equals("map")) {
            return new MapConverter(MatchMethod.STR, "str");
        }
        if (!keyword.startsWith("map_")) {
            return null;
        }
        String[] parts = keyword.substring(4).split("_", -1);
        if (parts.length > 2 || (parts.length == 2 && !OUTPUTS.contains(parts[1]))) {
            return null;
        }
        MatchMethod m = MatchMethod.named(parts[0]);
        if (m == null || m == MatchMethod.LEN || m == MatchMethod.BOOL || m == MatchMethod.FOUND) {
            return null;
        }
        return new MapConverter(m, parts.length == 2 ? parts[1] : "str");
    }

    @Override
    public String output() {
        return output;
    }

    @Override
    public Object compile(List<PatternRef.Item> items) throws AclException {
        return PatternIndex.build(method, false, items);
    }

    @Override
    public void publish(Object compiled) {
        current = (PatternIndex) compiled;
    }

    @Override
    public String describe() {
        return "type=" + method.keyword() + ", case=sensitive";
    }

    @Override
    public String index() {
        return PatternIndex.kind(method, false);
    }

    @Override
    public PatternRef.Item lookup(List<PatternRef.Item> items, String sample) throws AclException {
        return PatternIndex.build(method, false, items).find(sample);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapConverter other && other.method == method && other.output.equals(output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, output);
    }
}
