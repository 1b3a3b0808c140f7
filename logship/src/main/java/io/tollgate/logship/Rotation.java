package io.tollgate.logship;

/**
 * How a {@code file@} target rotates: by size ({@code maxBytes}, 0 for never), by time
 * ({@code period}), how many old files are kept, whether they are gzip-compressed, and whether
 * they are named {@code <name>-YYYYMMDD[HH]} (dateext) instead of {@code <name>.1}, {@code .2}...
 */
public record Rotation(long maxBytes, Period period, int keep, boolean compress, boolean dateext) {

    /** Time-based rotation. */
    public enum Period { NONE, DAILY, HOURLY }

    public static final int DEFAULT_KEEP = 7;

    public static Rotation none() {
        return new Rotation(0, Period.NONE, DEFAULT_KEEP, false, false);
    }

    public boolean rotatesByTime() {
        return period != Period.NONE;
    }
}
