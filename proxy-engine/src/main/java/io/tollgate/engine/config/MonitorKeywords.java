package io.tollgate.engine.config;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code monitor-uri <path>} and {@code monitor fail if|unless <cond>}: a health endpoint a
 * frontend answers itself (200, or 503 when a {@code monitor fail} condition holds), for
 * keepalived or an upstream load balancer.
 */
final class MonitorKeywords {
    private MonitorKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("monitor-uri", Capabilities.frontend(MonitorKeywords::monitorUri));
        table.add("monitor", Capabilities.notInDefaults(Capabilities.frontend(MonitorKeywords::monitor)));
    }

    private static void monitorUri(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (line.arg(1).isEmpty()) {
            throw new KeywordException("'monitor-uri' expects an URI.");
        }
        proxy.monitorUri = line.arg(1);
    }

    private static void monitor(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (!line.arg(1).equals("fail")) {
            throw new KeywordException("'monitor' expects 'fail'.");
        }
        List<String> condition = line.from(2);
        if (condition.isEmpty() || !(condition.get(0).equals("if") || condition.get(0).equals("unless"))) {
            throw new KeywordException("'monitor fail' requires either 'if' or 'unless' followed by a condition.");
        }
        AclConditions.check(condition, proxy.acls, "monitor fail");
        try {
            Acls.compile(proxy.acls, Path.of("")).condition(condition);
        } catch (AclException e) {
            throw new KeywordException("error detected while parsing a 'monitor fail' condition : " + e.getMessage());
        }
        proxy.monitorFail.add(new Directive("monitor", List.copyOf(condition), line.source()));
    }
}
