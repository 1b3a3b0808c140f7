package io.tollgate.engine.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks, once every section is read, that each {@code http_auth(<userlist>)} and
 * {@code http_auth_group(<userlist>)} names a userlist that exists, in ACLs and in the
 * conditions and values of rules, as HAProxy resolves their arguments after parsing (and refuses
 * the file otherwise).
 */
final class UserlistReferences {
    private static final Pattern FETCH = Pattern.compile("\\b(http_auth(?:_group)?)\\(([^),]*)");

    private UserlistReferences() {
    }

    static void check(List<ProxyState> proxies, List<UserlistState> userlists, Problems problems) {
        Set<String> known = userlists.stream().map(u -> u.name).collect(Collectors.toSet());
        for (ProxyState proxy : proxies) {
            Stream.of(proxy.acls, proxy.httpRequestRules, proxy.httpResponseRules, proxy.tcpRequestRules,
                            proxy.redirectRules, proxy.useServers, proxy.monitorFail, proxy.stickRules)
                    .flatMap(List::stream)
                    .forEach(d -> check(d.args(), d.source(), proxy.name, known, problems));
            for (UseBackendRule rule : proxy.useBackends) {
                check(rule.condition(), rule.source(), proxy.name, known, problems);
            }
        }
    }

    private static void check(List<String> words, Source source, String proxy, Set<String> known, Problems problems) {
        Matcher m = FETCH.matcher(String.join(" ", words));
        while (m.find()) {
            String list = m.group(2).strip();
            if (!known.contains(list)) {
                problems.alert(source, "unable to find userlist '" + list + "' referenced in arg 1 of ACL keyword '"
                        + m.group(1) + "' in proxy '" + proxy + "'.");
            }
        }
    }
}
