package io.tollgate.engine.config;

/**
 * The protocol check options ({@code mysql-check}, {@code pgsql-check}, {@code redis-check},
 * {@code smtpchk}, {@code ssl-hello-chk}) with HAProxy 2.6's messages for bad arguments. Each
 * replaces the section's check option in effect, as every check option does.
 */
final class ProtocolCheckOptions {
    private ProtocolCheckOptions() {
    }

    /** {@code option mysql-check [user <username> [{post-41|pre-41}]]}. */
    static void mysql(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        Args.atMost(line, 4, "option mysql-check");
        String user = null;
        boolean post41 = true;
        if (!line.arg(2).isEmpty()) {
            if (!line.arg(2).equals("user")) {
                throw new KeywordException("'option mysql-check' only supports optional values: 'user' (got '"
                        + line.arg(2) + "').");
            }
            user = line.arg(3);
            if (user.isEmpty()) {
                throw new KeywordException("'option mysql-check user' expects <username> as argument.");
            }
            String version = line.arg(4);
            if (version.equals("pre-41")) {
                post41 = false;
            } else if (!version.isEmpty() && !version.equals("post-41")) {
                throw new KeywordException("keyword 'user' only supports 'post-41' and 'pre-41' (got '" + version + "').");
            }
        }
        proxy.healthCheck = new ProtocolCheckDefinition.MySql(user, post41);
    }

    /** {@code option pgsql-check user <username>}: the user is mandatory. */
    static void pgsql(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        Args.atMost(line, 3, "option pgsql-check");
        if (line.arg(2).isEmpty() || line.arg(3).isEmpty()) {
            throw new KeywordException("'option pgsql-check' expects 'user <username>' as argument.");
        }
        if (!line.arg(2).equals("user")) {
            throw new KeywordException("'option pgsql-check' only supports optional values: 'user'.");
        }
        proxy.healthCheck = new ProtocolCheckDefinition.PgSql(line.arg(3));
    }

    static void redis(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        Args.atMost(line, 1, "option redis-check");
        proxy.healthCheck = new ProtocolCheckDefinition.Redis();
    }

    /**
     * {@code option smtpchk [EHLO|HELO <domain>]}: anything else, or a command without its domain,
     * silently falls back to {@code HELO localhost} as in HAProxy.
     */
    static void smtp(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        Args.atMost(line, 3, "option smtpchk");
        String command = line.arg(2);
        String domain = line.arg(3);
        boolean given = (command.equals("EHLO") || command.equals("HELO")) && !domain.isEmpty();
        proxy.healthCheck = new ProtocolCheckDefinition.Smtp(given ? command + " " + domain : "HELO localhost");
    }

    static void sslHello(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        Args.atMost(line, 1, "option ssl-hello-chk");
        proxy.healthCheck = new ProtocolCheckDefinition.SslHello();
    }
}
