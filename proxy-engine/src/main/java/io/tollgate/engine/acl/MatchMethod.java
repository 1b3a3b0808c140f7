package io.tollgate.engine.acl;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tollgate.engine.acl.Fetch.Type;

/** HAProxy's {@code -m} match methods: which sample types each accepts and how its patterns compile. */
enum MatchMethod {
    STR(Factories.TEXTUAL), BEG(Factories.TEXTUAL), END(Factories.TEXTUAL), SUB(Factories.TEXTUAL),
    DIR(Factories.TEXTUAL), DOM(Factories.TEXTUAL), REG(Factories.TEXTUAL), LEN(Factories.TEXTUAL),
    INT(EnumSet.of(Type.STRING, Type.INTEGER, Type.BOOLEAN)),
    IP(EnumSet.of(Type.STRING, Type.ADDRESS)),
    BOOL(EnumSet.of(Type.STRING, Type.INTEGER, Type.BOOLEAN)),
    FOUND(EnumSet.allOf(Type.class));

    private final Set<Type> accepts;

    MatchMethod(Set<Type> accepts) {
        this.accepts = accepts;
    }

    /** The method named by {@code -m <word>}, or null. */
    static MatchMethod named(String word) {
        for (MatchMethod m : values()) {
            if (m.keyword().equals(word)) {
                return m;
            }
        }
        return null;
    }

    String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean accepts(Type type) {
        return accepts.contains(type);
    }

    PatternTest compile(List<String> patterns, boolean ignoreCase) throws AclException {
        return switch (this) {
            case STR, BEG, END, SUB, DIR, DOM -> new StringTest(this, patterns, ignoreCase);
            case REG -> new RegexTest(patterns, ignoreCase);
            case LEN -> new LengthTest(IntTest.parse(patterns));
            case INT -> IntTest.parse(patterns);
            case IP -> IpTest.parse(patterns);
            case BOOL -> BoolTest.TRUTH;
            case FOUND -> BoolTest.FOUND;
        };
    }

    /** Holder so the enum constants can share one set (enum constructors cannot read static fields). */
    private static final class Factories {
        static final Set<Type> TEXTUAL = EnumSet.of(Type.STRING, Type.INTEGER, Type.ADDRESS, Type.BOOLEAN, Type.METHOD);
    }
}
