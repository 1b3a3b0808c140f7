package io.tollgate.logship;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * One syslog datagram per message from a non-blocking socket. The socket is connected so that the
 * kernel reports a missing listener (ICMP port unreachable) as an error on a later send, which is
 * then counted; a full socket buffer drops too. Problems are reported at most once a minute.
 */
final class UdpTransport implements Transport {

    private static final long REPORT_INTERVAL_NANOS = 60_000_000_000L;

    private final Endpoint.Udp endpoint;
    private final Drops drops;
    private final DatagramChannel channel;
    private InetSocketAddress address;
    private long lastReportNanos = System.nanoTime() - REPORT_INTERVAL_NANOS;

    UdpTransport(Endpoint.Udp endpoint, Drops drops) throws IOException {
        this.endpoint = endpoint;
        this.drops = drops;
        this.channel = DatagramChannel.open();
        channel.configureBlocking(false);
    }

    @Override
    public void send(byte[] buffer, int length, long epochMillis) {
        try {
            if (address == null || address.isUnresolved()) {
                address = new InetSocketAddress(endpoint.host(), endpoint.port());
                if (address.isUnresolved()) {
                    throw new IOException("cannot resolve '" + endpoint.host() + "'");
                }
                channel.connect(address);
            }
            if (channel.write(ByteBuffer.wrap(buffer, 0, length + 1)) == 0) {
                drops.add(1);
            }
        } catch (IOException e) {
            drops.add(1);
            long now = System.nanoTime();
            if (now - lastReportNanos >= REPORT_INTERVAL_NANOS) {
                lastReportNanos = now;
                drops.report("log target udp@" + endpoint.host() + ":" + endpoint.port() + ": " + FailureText.of(e));
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
