package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;

/**
 * A received buffer seen as characters for a regular expression, without copying it: each byte
 * as one ISO-8859-1 character ({@code rstring}), or as two upper-case hex digits
 * ({@code rbinary}, which HAProxy matches against the hex dump of the reply).
 */
final class ByteChars implements CharSequence {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final ByteBuf buf;
    private final int start;
    private final int bytes;
    private final boolean hex;

    private ByteChars(ByteBuf buf, int start, int bytes, boolean hex) {
        this.buf = buf;
        this.start = start;
        this.bytes = bytes;
        this.hex = hex;
    }

    /** The readable bytes of {@code buf}, one character each. */
    static ByteChars text(ByteBuf buf) {
        return new ByteChars(buf, buf.readerIndex(), buf.readableBytes(), false);
    }

    /** The readable bytes of {@code buf} as hex digits, two characters each. */
    static ByteChars hex(ByteBuf buf) {
        return new ByteChars(buf, buf.readerIndex(), buf.readableBytes(), true);
    }

    @Override
    public int length() {
        return hex ? bytes * 2 : bytes;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException(index);
        }
        if (!hex) {
            return (char) (buf.getByte(start + index) & 0xFF);
        }
        int b = buf.getByte(start + index / 2) & 0xFF;
        return HEX[(index & 1) == 0 ? b >> 4 : b & 0xF];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            b.append(charAt(i));
        }
        return b;
    }

    @Override
    public String toString() {
        return subSequence(0, length()).toString();
    }
}
