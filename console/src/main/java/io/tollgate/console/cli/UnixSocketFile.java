package io.tollgate.console.cli;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The file of a UNIX admin socket: before binding, a file left by a process that died (nobody
 * answers on it) is removed, but one somebody still listens on is not taken over; after binding the
 * configured mode is applied; on close it is removed.
 */
final class UnixSocketFile {

    private UnixSocketFile() {
    }

    /** Makes room for binding {@code address}, or says who holds it. */
    static void clear(UnixDomainSocketAddress address) throws IOException {
        Path path = address.getPath();
        if (!Files.exists(path)) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return;
        }
        if (answers(address)) {
            throw new IOException("'" + path + "' is in use by another process (is Tollgate already running?)");
        }
        Files.delete(path);
    }

    static void applyMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (mode != null) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static boolean answers(UnixDomainSocketAddress address) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(address);
            return true;
        } catch (IOException e) {
            return false; // refused, or not a socket at all: nobody is there
        }
    }
}
