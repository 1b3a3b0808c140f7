package io.tollgate.engine.config;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code acl} and {@code use_backend}: content switching. Each line is compiled by the ACL
 * engine as it is read, so an unknown criterion, a bad pattern or a missing {@code -f} file is a
 * file:line error at {@code -c} time, never a surprise at run time. {@code -f} file names are
 * stored resolved, so the runtime compiles the same lines without knowing the configuration's
 * directory. Backend names are resolved after loading, when all proxies are known.
 */
final class SwitchingKeywords {
    private SwitchingKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("acl", Capabilities.notInAnonymousDefaults(SwitchingKeywords::acl));
        table.add("use_backend", Capabilities.notInDefaults(Capabilities.frontend(SwitchingKeywords::useBackend)));
        table.add("use-server", Capabilities.notInDefaults(Capabilities.backend(SwitchingKeywords::useServer)));
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
        List<String> words = new ArrayList<>(line.words());
        for (int i = 3; i < words.size() - 1; i++) {
            if (words.get(i).equals("--")) {
                break;
            }
            if (words.get(i).equals("-f")) {
                String file = words.get(i + 1);
                Path resolved = proxy.environment.paths.resolve(file).toAbsolutePath();
                if (!Files.isReadable(resolved)) {
                    throw new KeywordException("error detected while parsing ACL '" + name
                            + "' : failed to open pattern file <" + file + ">.");
                }
                words.set(i + 1, resolved.toString());
            }
        }
        Directive directive = new Directive("acl", List.copyOf(words.subList(1, words.size())), line.source());
        try {
            Acls.compile(List.of(directive), Path.of(""));
        } catch (AclException e) {
            throw new KeywordException(e.getMessage());
        }
        proxy.acls.add(directive);
    }

    /** {@code use_backend <backend> [{if | unless} <condition>]}. */
    private static void useBackend(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String backend = line.arg(1);
        if (backend.isEmpty()) {
            throw new KeywordException("'use_backend' expects a backend name.");
        }
        if (backend.contains("%[")) {
            try {
                io.tollgate.engine.rules.FormatString.compile(backend);
            } catch (io.tollgate.engine.rules.RuleException e) {
                throw new KeywordException("error detected while parsing switching rule : " + e.getMessage());
            }
        }
        List<String> condition = line.from(2);
        AclConditions.check(condition, proxy.acls, "use_backend");
        try {
            Acls.compile(proxy.acls, Path.of("")).condition(condition);
        } catch (AclException e) {
            throw new KeywordException("error detected while parsing switching rule : " + e.getMessage());
        }
        proxy.useBackends.add(new UseBackendRule(backend, List.copyOf(condition), line.source()));
    }

    /** {@code use-server <server> [{if | unless} <condition>]}; the server is looked up when the section ends. */
    private static void useServer(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String server = line.arg(1);
        if (server.isEmpty()) {
            throw new KeywordException("'use-server' expects a server name.");
        }
        List<String> condition = line.from(2);
        if (condition.isEmpty()) {
            throw new KeywordException("'use-server' requires either 'if' or 'unless' followed by a condition.");
        }
        AclConditions.check(condition, proxy.acls, "use-server");
        try {
            Acls.compile(proxy.acls, Path.of("")).condition(condition);
        } catch (AclException e) {
            throw new KeywordException("error detected while parsing switching rule : " + e.getMessage());
        }
        proxy.useServers.add(line.toDirective());
    }
}
