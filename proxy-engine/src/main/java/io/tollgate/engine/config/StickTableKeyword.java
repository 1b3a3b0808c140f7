package io.tollgate.engine.config;

import io.tollgate.engine.stick.StickTableException;
import io.tollgate.engine.stick.StickTableSpec;

/**
 * {@code stick-table type <type> size <n> [expire <t>] [store <data>,...] ...}: the proxy's own
 * table, named after the proxy. Checked by the stick package's parser, whose warnings (a data
 * type stored twice) become the line's warnings.
 */
final class StickTableKeyword {
    private StickTableKeyword() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("stick-table", StickTableKeyword::stickTable);
    }

    private static void stickTable(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (proxy.isDefaults()) {
            throw new KeywordException("'stick-table' is not supported in 'defaults' section.");
        }
        if (proxy.stickTable != null) {
            throw new KeywordException("only one stick-table per proxy is allowed (first one at " + proxy.stickTable.source()
                    + ").");
        }
        try {
            StickTableSpec.parse(proxy.name, line.from(1), w -> problems.warn(line.source(), w));
        } catch (StickTableException e) {
            throw new KeywordException(e.getMessage());
        }
        proxy.stickTable = line.toDirective();
    }
}
