package io.tollgate.logship;

import java.io.IOException;
import java.io.OutputStream;

/** Lines on stdout or stderr (the stream installed in {@code System.out}/{@code err} when the target opens). */
final class StandardStreamTransport implements Transport {

    private final OutputStream out;
    private final Drops drops;
    private boolean dirty;

    StandardStreamTransport(int fd, Drops drops) {
        this.out = fd == 2 ? System.err : System.out;
        this.drops = drops;
    }

    @Override
    public void send(byte[] buffer, int length, long epochMillis) {
        try {
            out.write(buffer, 0, length + 1);
            dirty = true;
        } catch (IOException e) {
            drops.add(1);
        }
    }

    @Override
    public void tick(long nowMillis) {
        if (dirty) {
            dirty = false;
            try {
                out.flush();
            } catch (IOException e) {
                drops.report("log target stdout/stderr: " + FailureText.of(e));
            }
        }
    }

    @Override
    public void close() {
        tick(0);
    }
}
