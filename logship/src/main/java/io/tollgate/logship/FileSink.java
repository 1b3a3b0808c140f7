package io.tollgate.logship;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A log file written one line per message, with rotation by size and time, and cooperation with
 * an external logrotate.
 *
 * <h2>Writes</h2>
 * Lines go to a 64 KiB buffer, written to the file when it fills, and otherwise on the first tick
 * {@value #WRITE_INTERVAL_MILLIS} ms or more after the last write (the shipper ticks at least
 * every 50 ms), so a line reaches the file within about 100 ms. The shipper ticks whenever its
 * queue runs empty, which under light traffic is after every line: pacing the writes keeps that to
 * one system call per interval, and keeps {@code copytruncate}'s loss small (below). The file is
 * opened in append mode, so {@code copytruncate} works without notice: the next write lands at the
 * new end. What logrotate's manual says of it stays true: a write that falls between its copy and
 * its truncation is lost; with writes paced, that takes a write in a window of well under a
 * millisecond every {@value #WRITE_INTERVAL_MILLIS} ms.
 *
 * <h2>Rotation</h2>
 * Before a line is appended, the sink rotates if the line would take the file past {@code rotate
 * size}, or if the line's time stamp is past the day/hour in which the file was opened (lines go
 * by the time they were stamped with, not the time they reach the disk). An empty file is never
 * rotated. Rotation writes the
 * buffer to the old file, closes it, renames it ({@link RotatedFiles}) and opens a new one; lines
 * are only ever in one place, so none is lost or written twice. Compression runs on its own thread.
 *
 * <h2>External rotation</h2>
 * At most once a second, and on {@link #reopen()}, the sink compares the file key (device and inode)
 * of the path with the file it holds open; when the path was moved or deleted it writes what it
 * buffered to the file it holds (where those lines belong) and opens the path anew.
 *
 * <p>Only the shipper's thread calls a sink.
 */
final class FileSink implements Transport {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final long CHECK_INTERVAL_MILLIS = 1000;
    static final long WRITE_INTERVAL_MILLIS = 50;

    private final Path path;
    private final Rotation rotation;
    private final Clock clock;
    private final Drops drops;
    private final RotatedFiles rotated;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private int bufferedLines;
    private FileChannel channel;
    private Object fileKey;
    private long size;
    private LocalDateTime periodStart; // null until the period of an empty file's first line is known
    private long periodEndMillis = Long.MAX_VALUE;
    private long lastCheckMillis;
    private long lastWriteMillis;
    private boolean failing;

    FileSink(Endpoint.File endpoint, Clock clock, Drops drops) {
        this.path = endpoint.path().toAbsolutePath();
        this.rotation = endpoint.rotation();
        this.clock = clock;
        this.drops = drops;
        this.rotated = new RotatedFiles(path, rotation, drops);
        open();
    }

    @Override
    public void send(byte[] line, int length, long epochMillis) {
        int bytes = length + 1;
        if (channel == null && !open()) {
            drops.add(1);
            return;
        }
        if (isRotationDue(bytes, epochMillis)) {
            rotate();
            if (channel == null) {
                drops.add(1);
                return;
            }
            startPeriod(epochMillis);
        }
        if (bytes > buffer.remaining()) {
            writeBuffer();
        }
        if (bytes > buffer.capacity()) {
            write(ByteBuffer.wrap(line, 0, bytes), 1);
        } else {
            buffer.put(line, 0, bytes);
            bufferedLines++;
        }
        size += bytes;
    }

    private boolean isRotationDue(int bytes, long epochMillis) {
        if (periodStart == null) {
            startPeriod(epochMillis);
        }
        if (size == 0) {
            return false;
        }
        if (rotation.maxBytes() > 0 && size + bytes > rotation.maxBytes()) {
            return true;
        }
        return epochMillis >= periodEndMillis;
    }

    private void rotate() {
        writeBuffer();
        String label = periodLabel();
        closeChannel();
        try {
            rotated.rotate(label);
        } catch (IOException e) {
            drops.report("log file " + path + ": rotation failed, still writing to it: " + e);
        }
        open();
    }

    @Override
    public void tick(long nowMillis) {
        if (nowMillis - lastWriteMillis >= WRITE_INTERVAL_MILLIS) {
            lastWriteMillis = nowMillis;
            writeBuffer();
        }
        if (nowMillis - lastCheckMillis >= CHECK_INTERVAL_MILLIS) {
            lastCheckMillis = nowMillis;
            if (channel == null) {
                open();
            } else if (wasMoved()) {
                reopen();
            }
        }
    }

    @Override
    public void reopen() {
        writeBuffer();
        closeChannel();
        open();
    }

    /** True when the path no longer names the file held open (moved or deleted by logrotate). */
    private boolean wasMoved() {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            if (!Objects.equals(key, fileKey)) {
                return true;
            }
            long actual = channel.size();
            if (actual < size - buffer.position()) {
                size = actual + buffer.position();
            }
            return false;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean open() {
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            size = channel.size();
            // an empty file takes the period of its first line; one written before, the present one
            periodStart = null;
            if (size > 0) {
                startPeriod(clock.millis());
            }
            if (failing) {
                failing = false;
                drops.report("log file " + path + ": writing again");
            }
            return true;
        } catch (IOException e) {
            channel = null;
            problem("cannot open: " + reason(e));
            return false;
        }
    }

    private void startPeriod(long epochMillis) {
        ZoneId zone = clock.getZone();
        LocalDateTime now = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
        if (!rotation.rotatesByTime()) {
            periodStart = now;
            return;
        }
        if (rotation.period() == Rotation.Period.DAILY) {
            periodStart = now.truncatedTo(ChronoUnit.DAYS);
            periodEndMillis = periodStart.plusDays(1).atZone(zone).toInstant().toEpochMilli();
        } else {
            periodStart = now.truncatedTo(ChronoUnit.HOURS);
            periodEndMillis = periodStart.plusHours(1).atZone(zone).toInstant().toEpochMilli();
        }
    }

    /** The dateext label of the file being closed: the day (and hour when hourly) it was opened in. */
    private String periodLabel() {
        LocalDateTime t = periodStart;
        String day = String.format("%04d%02d%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        return rotation.period() == Rotation.Period.HOURLY ? day + String.format("%02d", t.getHour()) : day;
    }

    private void writeBuffer() {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        write(buffer, bufferedLines);
        buffer.clear();
        bufferedLines = 0;
    }

    private void write(ByteBuffer bytes, int lines) {
        if (channel == null) {
            drops.add(lines);
            return;
        }
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (failing) {
                failing = false;
                drops.report("log file " + path + ": writing again");
            }
        } catch (IOException e) {
            drops.add(lines);
            problem("write failed, " + lines + " line(s) dropped: " + reason(e));
        }
    }

    /**
     * Reports the first failure of an episode only: a full disk fails every write, and one line on
     * standard error says it; the lines lost meanwhile are counted (DroppedLogs), and the sink says
     * when it writes again.
     */
    private void problem(String what) {
        if (!failing) {
            failing = true;
            drops.report("log file " + path + ": " + what + "; lines are dropped (counted in DroppedLogs) until it "
                    + "works again");
        }
    }

    /** The operating system's reason, not the exception's class or the path said already. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return FailureText.of(e);
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                problem("close failed: " + reason(e));
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        writeBuffer();
        closeChannel();
        rotated.close();
    }
}
