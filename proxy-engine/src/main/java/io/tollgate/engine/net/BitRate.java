package io.tollgate.engine.net;

/**
 * The stats page's "bit rate": bits per second through the frontends between two readings at
 * least a second apart; in between, the last figure stands. Readings come from page draws, a few
 * per second at most, so a lock is fine.
 */
final class BitRate {
    private long lastBytes = -1;
    private long lastMillis;
    private long bitsPerSecond;

    synchronized long read(long totalBytes, long nowMillis) {
        if (lastBytes < 0) {
            lastBytes = totalBytes;
            lastMillis = nowMillis;
            return 0;
        }
        long elapsed = nowMillis - lastMillis;
        if (elapsed >= 1000) {
            bitsPerSecond = Math.max(0, totalBytes - lastBytes) * 8 * 1000 / elapsed;
            lastBytes = totalBytes;
            lastMillis = nowMillis;
        }
        return bitsPerSecond;
    }
}
