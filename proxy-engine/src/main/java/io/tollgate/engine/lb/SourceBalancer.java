package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.net.InetAddress;
import java.util.List;

/**
 * {@code balance source}: the client's address picks the server, so a client keeps its server
 * while the candidate set is unchanged ({@code hash-type map-based}) or mostly keeps it when a
 * server comes or goes ({@code hash-type consistent}).
 *
 * <p>As HAProxy's {@code get_server_sh()}, the key is not passed through the hash function: it is
 * the address read as big-endian 32-bit words XORed together (an IPv4 address is its own key,
 * 192.0.2.10 is {@code 0xC000020A}), then the {@code avalanche} modifier if configured. With
 * {@code consistent}, neighbouring addresses have neighbouring keys and land on the same ring
 * segment; HAProxy's documentation recommends {@code avalanche} there. A connection without an
 * IP source (Unix socket) or a pick without request goes round robin.
 */
public final class SourceBalancer implements Balancer {
    private final HashTable table;
    private final KeyHash keyHash;
    private final RoundRobinBalancer fallback;

    /** {@code hashType} as {@code hash-type} gives it ("map-based", "consistent sdbm avalanche"). */
    public SourceBalancer(String hashType, List<Server> servers) {
        this.table = HashTable.of(hashType);
        this.keyHash = KeyHash.of(hashType);
        this.fallback = new RoundRobinBalancer(servers.size());
    }

    /** The same, with the {@code balance} arguments (there are none), for a uniform table entry. */
    public SourceBalancer(String hashType, List<String> args, List<Server> servers) {
        this(hashType, servers);
    }

    @Override
    public Server pick(List<Server> candidates, RequestView request) {
        InetAddress source = request == null ? null : request.source();
        if (source == null) {
            return fallback.pick(candidates, request);
        }
        return table.lookup(candidates, keyHash.modify(addressKey(source)));
    }

    /** The address as 32-bit big-endian words XORed together. */
    static int addressKey(InetAddress address) {
        byte[] b = address.getAddress();
        int h = 0;
        for (int i = 0; i + 4 <= b.length; i += 4) {
            h ^= (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
        }
        return h;
    }

    @Override
    public boolean needsRequest() {
        return true;
    }

    @Override
    public String algorithm() {
        return "source";
    }

    @Override
    public void serverChanged(Server server) {
        table.invalidate();
        fallback.serverChanged(server);
    }
}
