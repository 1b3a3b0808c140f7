package io.tollgate.engine.runtime;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.acl.Condition;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.auth.BasicCredentials;
import io.tollgate.engine.auth.Userlist;
import io.tollgate.engine.config.StatsSettings;
import io.tollgate.engine.config.UserlistConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may see a proxy's stats page and act on it, compiled once: the {@code stats http-request}
 * rules in order, then the {@code stats auth} accounts (plain passwords, checked in constant time
 * by {@link Userlist}), then the {@code stats admin} condition for actions.
 */
public final class StatsPolicy {
    /** What a request may do on the page. */
    public enum Access { ALLOWED, DENIED, CHALLENGE }

    /** The verdict for one request, with the realm of a challenge. */
    public record Decision(Access access, String realm) {
    }

    private record Rule(String action, String realm, Condition condition) {
    }

    /** The key of this policy's action tokens: new at every start, so a token never outlives the process. */
    private final byte[] tokenKey = new byte[32];
    private final StatsSettings settings;
    private final List<Rule> rules;
    private final Userlist accounts;
    private final Condition admin;

    private StatsPolicy(StatsSettings settings, List<Rule> rules, Userlist accounts, Condition admin) {
        this.settings = settings;
        this.rules = rules;
        this.accounts = accounts;
        this.admin = admin;
        new java.security.SecureRandom().nextBytes(tokenKey);
    }

    /** The policy of {@code proxy}'s page, or null when it has no {@code stats} lines. */
    static StatsPolicy compile(Proxy proxy) {
        StatsSettings s = StatsSettings.of(proxy.config().stats());
        if (s == null) {
            return null;
        }
        try {
            Acls acls = Acls.compile(proxy.config().acls(), Path.of(""));
            List<Rule> rules = new ArrayList<>();
            for (StatsSettings.HttpRequestRule r : s.httpRequest()) {
                rules.add(new Rule(r.action(), r.realm(), acls.condition(r.condition())));
            }
            Userlist accounts = null;
            if (!s.auth().isEmpty()) {
                List<UserlistConfig.User> users = new ArrayList<>();
                for (String account : s.auth()) {
                    int colon = account.indexOf(':');
                    users.add(new UserlistConfig.User(account.substring(0, colon), account.substring(colon + 1), true,
                            List.of()));
                }
                accounts = new Userlist(new UserlistConfig("stats auth", users, List.of(), null));
            }
            Condition admin = s.adminCondition() == null ? null : acls.condition(s.adminCondition());
            return new StatsPolicy(s, List.copyOf(rules), accounts, admin);
        } catch (AclException e) {
            throw new IllegalStateException("proxy '" + proxy.name() + "' : stats: " + e.getMessage(), e);
        }
    }

    public StatsSettings settings() {
        return settings;
    }

    /**
     * As HAProxy: the first {@code stats http-request} rule whose condition matches decides
     * (allow, deny, or a challenge unless the condition already vouched for the user); without
     * one, {@code stats auth} accounts, when there are any, must match the Basic credentials.
     */
    public Decision decide(RequestView request, String authorization) {
        for (Rule r : rules) {
            if (r.condition().matches(request)) {
                return switch (r.action()) {
                    case "allow" -> new Decision(Access.ALLOWED, null);
                    case "deny" -> new Decision(Access.DENIED, null);
                    default -> new Decision(Access.CHALLENGE, r.realm() != null ? r.realm() : settings.realm());
                };
            }
        }
        if (accounts != null && (authorization == null || !valid(authorization))) {
            return new Decision(Access.CHALLENGE, settings.realm());
        }
        return new Decision(Access.ALLOWED, null);
    }

    /** The user named by valid {@code stats auth} credentials, or null. */
    public String user(String authorization) {
        if (authorization == null) {
            return null;
        }
        BasicCredentials c = BasicCredentials.parse(authorization);
        return c == null ? null : c.user();
    }

    /** Whether the request may act ({@code stats admin if ...}). */
    public boolean isAdmin(RequestView request) {
        return admin != null && admin.matches(request);
    }

    /**
     * The token the page's action form carries (a keyed hash of the credentials the page was
     * fetched with), so that a form another site makes the browser post is refused: that site
     * cannot read the page, hence the token.
     */
    public String csrfToken(String authorization) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(tokenKey, "HmacSHA256"));
            byte[] sum = mac.doFinal((authorization == null ? "" : authorization).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code token} is the one the page gave to these credentials (compared in constant time). */
    public boolean validToken(String authorization, String token) {
        return token != null && java.security.MessageDigest.isEqual(
                csrfToken(authorization).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private boolean valid(String authorization) {
        BasicCredentials c = BasicCredentials.parse(authorization);
        return c != null && accounts.check(c);
    }
}
