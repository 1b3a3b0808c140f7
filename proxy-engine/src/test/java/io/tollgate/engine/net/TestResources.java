package io.tollgate.engine.net;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test started (upstreams, engines, clients), closed after it in reverse order. Register
 * with {@code @RegisterExtension final TestResources resources = new TestResources();}.
 */
final class TestResources implements AfterEachCallback {
    private final List<AutoCloseable> open = new ArrayList<>();

    <T extends AutoCloseable> T add(T resource) {
        open.add(resource);
        return resource;
    }

    Upstream upstream(String name) throws InterruptedException {
        return add(new Upstream(name));
    }

    RunningEngine engine(String config) throws Exception {
        return add(RunningEngine.start(config));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
