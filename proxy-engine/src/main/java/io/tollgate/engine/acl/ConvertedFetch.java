package io.tollgate.engine.acl;

import java.net.InetAddress;

/**
 * A fetch followed by converters, as in {@code acl a path,url_dec -m beg /admin}: each sample is
 * converted (as text) before the test sees it; a sample a converter drops is skipped.
 */
final class ConvertedFetch implements Fetch {
    private final Fetch fetch;
    private final Converter[] converters;

    ConvertedFetch(Fetch fetch, Converter[] converters) {
        this.fetch = fetch;
        this.converters = converters;
    }

    @Override
    public boolean anyMatch(RequestView request, PatternTest test) {
        return fetch.anyMatch(request, new PatternTest() {
            @Override
            public boolean string(String s, int from, int to) {
                return offer(s.substring(from, to));
            }

            @Override
            public boolean integer(long value) {
                return offer(Long.toString(value));
            }

            @Override
            public boolean address(InetAddress address) {
                return offer(address.getHostAddress());
            }

            private boolean offer(String value) {
                String v = value;
                for (int i = 0; v != null && i < converters.length; i++) {
                    v = converters[i].apply(v, request);
                }
                return v != null && test.string(v, 0, v.length());
            }
        });
    }

    @Override
    public PatternTest adapt(PatternTest test) {
        return fetch.adapt(test);
    }
}
