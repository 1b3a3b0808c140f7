package io.tollgate.engine.net;

import io.tollgate.engine.runtime.DynamicServers;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.tls.ServerTlsContext;
import io.tollgate.engine.tls.TlsDefaults;

import java.net.UnknownHostException;
import java.util.Map;

/**
 * What a server added at run time needs from the network layer before it takes traffic, done as
 * for the servers of the configuration at start ({@link NetEngine}): its address looked up, its
 * TLS, PROXY or SOCKS4 transport and its checks' TLS context built, on the caller's thread (the
 * admin socket's, never an event loop). A server whose files or proxy are wrong is refused
 * with the message the configuration would print, without its {@code [file:line]} prefix.
 */
final class ServerAdmission implements DynamicServers.Admission {
    private final NetContext net;
    private final TlsDefaults defaults;
    private final Map<Server, ServerTlsContext> checkTls;

    ServerAdmission(NetContext net, TlsDefaults defaults, Map<Server, ServerTlsContext> checkTls) {
        this.net = net;
        this.defaults = defaults;
        this.checkTls = checkTls;
    }

    @Override
    public void admit(Server server) throws DynamicServers.Refused {
        try {
            server.resolve();
        } catch (UnknownHostException e) {
            throw new DynamicServers.Refused("could not resolve address '" + server.config().address().host() + "'.\n");
        }
        try {
            ServerTransport transport = NetEngine.transport(server.config(), server.backend().config(), defaults);
            ServerTlsContext check = server.check() != null && server.config().check().tls() != null
                    ? NetEngine.checkTlsContext(server.config(), server.backend().config(), defaults) : null;
            net.addServerTransport(server, transport);
            if (check != null) {
                checkTls.put(server, check);
            }
        } catch (IllegalStateException e) {
            String message = e.getMessage();
            String prefix = "'server " + server + "' : ";
            int at = message.indexOf(prefix);
            throw new DynamicServers.Refused((at < 0 ? message : message.substring(at + prefix.length())) + "\n");
        }
    }

    @Override
    public void release(Server server) {
        net.removeServerTransport(server);
        checkTls.remove(server);
    }
}
