package io.tollgate.engine.config;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.acl.SampleExpression;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code stick on|match|store-request|store-response <pattern> [table <name>] [{if|unless} <cond>]}
 * in a backend: which server a stick table sends a request to, and what it learns. Checked as
 * HAProxy 2.6 checks it, messages included; the table is looked up when every proxy is known
 * ({@link TableReferences}).
 */
final class StickKeywords {
    /** What HAProxy's parser takes after {@code stick} ({@code store} alone reads as store-request). */
    private static final Set<String> KINDS = Set.of("on", "match", "store-request", "store", "store-response");
    /** Fetches that read the response, unusable before it: {@code res.*} and the old names. */
    private static final Set<String> RESPONSE_FETCHES = Set.of("shdr", "shdr_cnt", "shdr_ip", "shdr_val", "scook",
            "scook_cnt", "scook_val", "set-cookie", "status", "txn.status", "rep_ssl_hello_type");

    private StickKeywords() {
    }

    static void register(KeywordTable<ProxyState> t) {
        t.add("stick", Capabilities.notInDefaults(Capabilities.backend(StickKeywords::stick)));
    }

    private static void stick(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String kind = line.arg(1);
        if (!KINDS.contains(kind)) {
            throw new KeywordException("'stick' expects 'on', 'match', or 'store'.");
        }
        if (line.arg(2).isEmpty()) {
            throw new KeywordException("'stick' expects a fetch method.");
        }
        SampleExpression pattern;
        try {
            pattern = SampleExpression.compile(line.arg(2));
        } catch (AclException e) {
            throw new KeywordException("'stick': " + e.getMessage());
        }
        checkDirection(pattern.fetchName(), kind.equals("store-response"));
        int i = 3;
        while (line.has(i)) {
            String word = line.arg(i);
            if (word.equals("table")) {
                i += 2;
            } else if (word.equals("if") || word.equals("unless")) {
                condition(line.from(i), proxy);
                break;
            } else {
                throw new KeywordException("'stick': unknown keyword '" + word + "'.");
            }
        }
        proxy.stickRules.add(line.toDirective());
    }

    private static void condition(List<String> words, ProxyState proxy) throws KeywordException {
        if (words.size() < 2) {
            return; // HAProxy 2.6 takes a bare 'if' as no condition
        }
        try {
            Acls.compile(proxy.acls, Path.of("")).condition(words);
        } catch (AclException e) {
            throw new KeywordException("'stick': error detected while parsing sticking condition : " + e.getMessage());
        }
    }

    private static void checkDirection(String fetch, boolean onResponse) throws KeywordException {
        boolean responseFetch = fetch.startsWith("res.") || fetch.startsWith("res_") || RESPONSE_FETCHES.contains(fetch);
        if (!onResponse && responseFetch) {
            throw new KeywordException("'stick': fetch method '" + fetch + "' extracts information from 'HTTP response "
                    + "headers', none of which is available during request.");
        }
        if (onResponse && (fetch.startsWith("req.") || fetch.startsWith("req_"))) {
            throw new KeywordException("'stick': fetch method '" + fetch + "' extracts information from 'HTTP request "
                    + "headers', none of which is available for 'store-response'.");
        }
    }
}
