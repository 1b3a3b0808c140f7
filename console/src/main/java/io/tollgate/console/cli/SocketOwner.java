package io.tollgate.console.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Who owns a UNIX admin socket's file: the {@code uid <n>} / {@code user <name>} and
 * {@code gid <n>} / {@code group <name>} options of {@code stats socket}, the last of each pair
 * winning as in HAProxy. Names are looked up when the line is read, so a missing user or group
 * stops the start with HAProxy's message; a number is taken as it is (it need not name anyone, as
 * with chown). Applied right after binding; not being allowed to (not root) is a startup error too.
 *
 * @param user  a user, a uid ({@link Integer}), or null to leave the owner alone
 * @param group a group, a gid ({@link Integer}), or null to leave the group alone
 */
record SocketOwner(Object user, Object group) {
    static final SocketOwner UNCHANGED = new SocketOwner(null, null);

    private static final UserPrincipalLookupService LOOKUP = FileSystems.getDefault().getUserPrincipalLookupService();

    SocketOwner uid(int uid) {
        return new SocketOwner(uid, group);
    }

    SocketOwner gid(int gid) {
        return new SocketOwner(user, gid);
    }

    /** @throws UserPrincipalNotFoundException when there is no such user */
    SocketOwner user(String name) throws IOException {
        return new SocketOwner(LOOKUP.lookupPrincipalByName(name), group);
    }

    /** @throws UserPrincipalNotFoundException when there is no such group */
    SocketOwner group(String name) throws IOException {
        return new SocketOwner(user, LOOKUP.lookupPrincipalByGroupName(name));
    }

    /** Gives {@code path} to the owner and group asked for; says which keyword failed and why. */
    void apply(Path path) throws IOException {
        if (user instanceof Integer uid) {
            change(path, "uid", uid, () -> Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS));
        } else if (user instanceof UserPrincipal u) {
            change(path, "user", u.getName(), () -> Files.setOwner(path, u));
        }
        if (group instanceof Integer gid) {
            change(path, "gid", gid, () -> Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS));
        } else if (group instanceof GroupPrincipal g) {
            change(path, "group", g.getName(), () -> Files.getFileAttributeView(path, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).setGroup(g));
        }
    }

    private interface Change {
        void run() throws IOException;
    }

    private static void change(Path path, String keyword, Object value, Change change) throws IOException {
        try {
            change.run();
        } catch (IOException | UnsupportedOperationException e) {
            String why = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
            throw new IOException("'" + keyword + " " + value + "' : cannot change the ownership of '" + path + "'"
                    + (why != null ? " (" + why + ")" : ""), e);
        }
    }
}
