package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A proxy's stats page, read from its {@code stats} lines (FORMATS §7.1): where it answers
 * ({@code uri}, default {@code /haproxy?stats}), who may see it ({@code auth}, {@code realm},
 * {@code http-request} rules) and act ({@code admin} condition), and how it looks
 * ({@code refresh}, {@code hide-version}, {@code show-legends}, {@code show-node},
 * {@code show-desc}, {@code scope}). As in HAProxy, any of these lines enables the page.
 *
 * @param refreshSeconds 0 without {@code stats refresh}
 * @param node           {@code show-node}'s name; "" for the global node name; null when not shown
 * @param description    {@code show-desc}'s text; "" for the global description; null when not shown
 * @param scopes         proxy names ({@code .} for this proxy); empty for all
 */
public record StatsSettings(String uri, String realm, List<String> auth, List<HttpRequestRule> httpRequest,
                            List<String> adminCondition, int refreshSeconds, boolean hideVersion,
                            boolean showLegends, String node, String description, List<String> scopes) {

    /** HAProxy's defaults for {@code stats enable}. */
    public static final String DEFAULT_URI = "/haproxy?stats";
    public static final String DEFAULT_REALM = "HAProxy Statistics";

    /** {@code stats http-request allow|deny|auth [realm <r>] [if|unless <cond>]}; {@code condition} empty when always. */
    public record HttpRequestRule(String action, String realm, List<String> condition) {
    }

    /** The page of a proxy's {@code stats} lines, or null when it has none. */
    public static StatsSettings of(List<Directive> stats) {
        if (stats.isEmpty()) {
            return null;
        }
        String uri = DEFAULT_URI;
        String realm = DEFAULT_REALM;
        List<String> auth = new ArrayList<>();
        List<HttpRequestRule> rules = new ArrayList<>();
        List<String> admin = null;
        int refresh = 0;
        boolean hideVersion = false;
        boolean legends = false;
        String node = null;
        String description = null;
        List<String> scopes = new ArrayList<>();
        for (Directive d : stats) {
            List<String> a = d.args();
            String sub = a.get(0);
            String arg = a.size() > 1 ? a.get(1) : "";
            switch (sub) {
                case "uri" -> uri = arg;
                case "realm" -> realm = arg;
                case "auth" -> auth.add(arg);
                case "scope" -> scopes.add(arg);
                case "refresh" -> refresh = refreshSeconds(arg);
                case "hide-version" -> hideVersion = true;
                case "show-legends" -> legends = true;
                case "show-node" -> node = arg;
                case "show-desc" -> description = String.join(" ", a.subList(1, a.size()));
                case "admin" -> admin = List.copyOf(a.subList(1, a.size()));
                case "http-request" -> rules.add(rule(a));
                default -> {
                    // enable, show-modules: the page exists, nothing more to keep
                }
            }
        }
        return new StatsSettings(uri, realm, List.copyOf(auth), List.copyOf(rules), admin, refresh, hideVersion,
                legends, node, description, List.copyOf(scopes));
    }

    private static int refreshSeconds(String text) {
        try {
            // checked by the parser; HAProxy rounds down to seconds
            return (int) Math.max(0, Units.time(text, "stats refresh", 1000) / 1000);
        } catch (KeywordException e) {
            return 0;
        }
    }

    private static HttpRequestRule rule(List<String> a) {
        String action = a.get(1);
        int conditionAt = 2;
        String realm = null;
        if (action.equals("auth") && a.size() > 3 && a.get(2).equals("realm")) {
            realm = a.get(3);
            conditionAt = 4;
        }
        return new HttpRequestRule(action, realm, List.copyOf(a.subList(Math.min(conditionAt, a.size()), a.size())));
    }
}
