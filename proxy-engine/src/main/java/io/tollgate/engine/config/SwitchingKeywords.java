package io.tollgate.engine.config;

import java.nio.file.Files;
import java.util.List;

/**
 * {@code acl} and {@code use_backend}: content switching. Both are checked and kept in the
 * model ({@code ProxyConfig.acls}, {@code ProxyConfig.useBackends}) for the content-switching
 * issue; they are not dropped, because a frontend that silently sent everything to its
 * {@code default_backend} would be wrong. Backend names are resolved after loading, when all
 * proxies are known.
 */
final class SwitchingKeywords {
    private SwitchingKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("acl", Capabilities.notInAnonymousDefaults(SwitchingKeywords::acl));
        table.add("use_backend", Capabilities.notInDefaults(Capabilities.frontend(SwitchingKeywords::useBackend)));
    }

    /** {@code acl <name> <criterion> [flags] [operator] [<value>] ...}. */
    private static void acl(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String name = line.arg(1);
        if (name.isEmpty()) {
            throw new KeywordException("'acl' expects an ACL name and a criterion.");
        }
        Args.checkName("acl", name);
        if (line.arg(2).isEmpty()) {
            throw new KeywordException("error detected while parsing ACL '" + name + "' : missing fetch method.");
        }
        List<String> words = line.words();
        for (int i = 3; i < words.size() - 1; i++) {
            if (words.get(i).equals("-f")) {
                String file = words.get(i + 1);
                if (!Files.isReadable(proxy.environment.paths.resolve(file))) {
                    throw new KeywordException("error detected while parsing ACL '" + name
                            + "' : failed to open pattern file <" + file + ">.");
                }
            }
            if (words.get(i).equals("--")) {
                break;
            }
        }
        proxy.acls.add(line.toDirective());
    }

    /** {@code use_backend <backend> [{if | unless} <condition>]}. */
    private static void useBackend(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String backend = line.arg(1);
        if (backend.isEmpty()) {
            throw new KeywordException("'use_backend' expects a backend name.");
        }
        List<String> condition = line.from(2);
        AclConditions.check(condition, proxy.acls, "use_backend");
        proxy.useBackends.add(new UseBackendRule(backend, List.copyOf(condition), line.source()));
    }
}
