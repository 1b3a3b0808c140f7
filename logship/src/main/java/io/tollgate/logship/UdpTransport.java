package io.tollgate.logship;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** One syslog datagram per message, from a non-blocking unconnected socket: a full buffer or no listener drops. */
final class UdpTransport implements Transport {

    private final Endpoint.Udp endpoint;
    private final Drops drops;
    private final DatagramChannel channel;
    private InetSocketAddress address;
    private boolean failing;

    UdpTransport(Endpoint.Udp endpoint, Drops drops) throws IOException {
        this.endpoint = endpoint;
        this.drops = drops;
        this.channel = DatagramChannel.open();
        channel.configureBlocking(false);
    }

    @Override
    public void send(byte[] buffer, int length) {
        try {
            if (address == null || address.isUnresolved()) {
                address = new InetSocketAddress(endpoint.host(), endpoint.port());
                if (address.isUnresolved()) {
                    throw new IOException("cannot resolve '" + endpoint.host() + "'");
                }
            }
            if (channel.send(ByteBuffer.wrap(buffer, 0, length + 1), address) == 0) {
                drops.add(1);
                return;
            }
            failing = false;
        } catch (IOException e) {
            drops.add(1);
            if (!failing) {
                failing = true;
                drops.report("log target udp@" + endpoint.host() + ":" + endpoint.port() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to save
        }
    }
}
