package io.tollgate.console.stats;

import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.api.StatsPageRequest;
import io.tollgate.engine.config.StatsSettings;
import io.tollgate.engine.stats.RowType;
import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the page template shows, worked out from one request: the headings, the process
 * block, the display options, the result banner and a table per proxy. The template only places
 * these values; every decision about what a cell says is taken here and in {@link RowCells}.
 *
 * @param title    {@code Statistics Report for HAProxy[ on <node>]}: kept as HAProxy's, which tools scrape
 * @param product  the first heading: the version line, or the product name alone with {@code stats hide-version}
 * @param heading  {@code Statistics Report for pid <pid>[ on <node>][: <desc>]}
 * @param result   the banner of a previous action, or null
 * @param admin    whether the tables carry action checkboxes and forms
 * @param token    the token the action forms post back; null without admin rights
 * @param formUri  where the action forms post: the page's URI
 */
public record PageView(String title, String product, String heading, List<ProcessLine> process,
                       DisplayOptions options, ActionResult result, List<ProxyTable> proxies, boolean admin,
                       String token, String formUri, List<AdminAction> actions) {

    /**
     * @param productName  what the first heading names ({@code Tollgate})
     * @param versionLine  the first heading with the version shown
     */
    static PageView of(StatsPageRequest r, String productName, String versionLine) {
        StatsSettings settings = r.settings();
        ProcessInfo process = r.process();
        String node = node(settings, process);
        String description = settings.description() == null ? null
                : settings.description().isEmpty() ? process.description() : settings.description();
        String on = node == null ? "" : " on " + node;
        return new PageView("Statistics Report for HAProxy" + on,
                settings.hideVersion() ? productName : versionLine,
                "Statistics Report for pid " + process.pid() + on + (description == null ? "" : ": " + description),
                ProcessLine.block(process), DisplayOptions.of(r), ActionResult.of(r.result()),
                tables(r.snapshot().rows(), r.admin(), settings.showLegends()), r.admin(), r.csrfToken(), r.baseUri(),
                Arrays.asList(AdminAction.values()));
    }

    /** {@code stats show-node}: its name, else the global {@code node}, else the host name; null when not shown. */
    private static String node(StatsSettings settings, ProcessInfo process) {
        if (settings.node() == null) {
            return null;
        }
        if (!settings.node().isEmpty()) {
            return settings.node();
        }
        return process.node() != null ? process.node() : LocalHost.NAME;
    }

    /** The rows cut into one table per proxy; the snapshot keeps each proxy's rows together. */
    private static List<ProxyTable> tables(List<StatRow> rows, boolean admin, boolean legends) {
        List<ProxyTable> tables = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || rows.get(i).iid() != rows.get(from).iid()) {
                tables.add(table(rows.subList(from, i), admin, legends));
                from = i;
            }
        }
        return tables;
    }

    private static ProxyTable table(List<StatRow> rows, boolean admin, boolean legends) {
        StatRow first = rows.get(0);
        List<RowView> views = new ArrayList<>(rows.size());
        boolean servers = false;
        String algorithm = null;
        for (StatRow row : rows) {
            views.add(view(row, legends));
            servers |= row.type() == RowType.SERVER;
            if (row.type() == RowType.BACKEND) {
                algorithm = row.text(StatField.ALGO);
            }
        }
        return new ProxyTable(first.proxyName(), legends ? Tooltips.proxyLegend(first, algorithm) : null,
                admin && servers, "#" + first.iid(), views);
    }

    private static RowView view(StatRow row, boolean legends) {
        String key = row.iid() + "/" + row.sid() + "/" + row.type().letter();
        return switch (row.type()) {
            case FRONTEND -> new RowView("frontend", key, "Frontend", null, null, RowCells.frontend(row));
            case LISTENER -> new RowView("socket", key, row.svname(), legends ? row.text(StatField.ADDR) : null, null,
                    RowCells.listener(row));
            case SERVER -> new RowView(ServerStyle.of(row), key, row.svname(),
                    legends ? Tooltips.serverLegend(row) : null, row.svname(), RowCells.server(row));
            case BACKEND -> new RowView("backend", key, "Backend", null, null, RowCells.backend(row));
        };
    }

    /** HAProxy's default {@code node}: the host name, looked up once and off the event loops. */
    private static final class LocalHost {
        static final String NAME = lookup();

        private static String lookup() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "localhost";
            }
        }
    }
}
