package io.tollgate.engine.auth;

import io.tollgate.engine.config.UserlistConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One {@code userlist} section, ready to answer {@code http_auth(<userlist>)} and
 * {@code http_auth_group(<userlist>)}: whether a user's password is right, and whether a user is in
 * a group. Group memberships come from both {@code user ... groups} and {@code group ... users}
 * lines (the configuration folds them into each user).
 *
 * <p>A {@code password} is a crypt(3) hash ({@link CryptHash}), an {@code insecure-password} is
 * compared as is; a user declared with neither never authenticates, as in HAProxy. Comparisons take
 * the same time wherever the first difference is, but an unknown user is refused at once, as HAProxy
 * refuses it, so response times can tell which user names exist.
 *
 * <p>A crypt(3) check runs on the calling event loop, so successes are remembered in a small
 * bounded cache (wrong passwords are always hashed again), and passwords longer than
 * {@link #MAX_PASSWORD_BYTES} are refused without hashing, because SHA-crypt's cost grows with the
 * password's length. Measured on the 2-core build box against a default {@code $6$} hash: about 2 ms
 * for a short password, 16 ms at 256 bytes, 1.2 s at 16 KB; a remembered success about 4 us.
 *
 * <p>Immutable but for that cache, and thread-safe. Built once per configuration load; a reload
 * builds a new one, which also forgets what the old one remembered.
 */
public final class Userlist {
    /** The longest password checked against a crypt(3) hash; longer ones are wrong. */
    public static final int MAX_PASSWORD_BYTES = 256;

    private final String name;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final VerifiedCache verified;

    /**
     * @throws CryptHashException if a user's {@code password} cannot be verified; the message
     *         starts with {@code userlist '<name>': user '<user>': }. {@link CryptHash#check} at
     *         configuration time reports the same problem earlier.
     */
    public Userlist(UserlistConfig config) {
        this(config, new VerifiedCache());
    }

    Userlist(UserlistConfig config, VerifiedCache verified) {
        this.name = config.name();
        this.verified = verified;
        for (UserlistConfig.User user : config.users()) {
            accounts.putIfAbsent(user.name(), account(config.name(), user));
        }
    }

    private static Account account(String list, UserlistConfig.User user) {
        Set<String> groups = Set.copyOf(user.groups());
        if (user.password() == null) {
            return new Account(null, null, groups);
        }
        if (user.insecure()) {
            return new Account(null, user.password().getBytes(StandardCharsets.UTF_8), groups);
        }
        try {
            return new Account(CryptHash.parse(user.password()), null, groups);
        } catch (CryptHashException e) {
            // HAProxy loads such a user too; it can never log in (the parser warned about it)
            return new Account(null, null, groups);
        }
    }

    public String name() {
        return name;
    }

    /** The groups {@code user} belongs to; empty for an unknown user. */
    public Set<String> groups(String user) {
        Account a = accounts.get(user);
        return a == null ? Set.of() : a.groups();
    }

    /** Whether the userlist declares {@code user}, whatever its password. */
    public boolean hasUser(String user) {
        return user != null && accounts.containsKey(user);
    }

    /** Whether {@code password}, as UTF-8, is {@code user}'s. False for an unknown user or null. */
    public boolean check(String user, String password) {
        return password != null && check(user, password.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code password}, as the client's raw bytes, is {@code user}'s. */
    public boolean check(String user, byte[] password) {
        Account account = user == null || password == null ? null : accounts.get(user);
        if (account == null) {
            return false;
        }
        if (account.insecure != null) {
            // The client's value goes first: isEqual's time then depends on its length, not the secret's.
            return MessageDigest.isEqual(password, account.insecure);
        }
        if (account.hash == null || password.length > MAX_PASSWORD_BYTES) {
            return false;
        }
        if (verified.contains(user, password)) {
            return true;
        }
        boolean right = account.hash.matches(password);
        if (right) {
            verified.remember(user, password);
        }
        return right;
    }

    /** Whether the header's credentials are right; false for null (no or unreadable header). */
    public boolean check(BasicCredentials credentials) {
        return credentials != null && check(credentials.user(), credentials.passwordBytes());
    }

    /**
     * Whether {@code user} is a member of {@code group}. It does not check a password: HAProxy's
     * {@code http_auth_group} checks the credentials first, then the groups.
     */
    public boolean inGroup(String user, String group) {
        Account account = user == null ? null : accounts.get(user);
        return account != null && group != null && account.groups.contains(group);
    }

    @Override
    public String toString() {
        return "userlist '" + name + "' (" + accounts.size() + " users)";
    }

    /** One user: a hash, a clear-text password, or neither; and its groups. */
    private record Account(CryptHash hash, byte[] insecure, Set<String> groups) {
    }
}
