package io.tollgate.console.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Applying a {@code stats socket}'s owner to its file, and saying which option failed. */
class SocketOwnerTest {

    @TempDir
    Path dir;

    @Test
    void appliesIdsAndLeavesTheRestAlone() throws Exception {
        Path file = Files.createFile(dir.resolve("f"));
        SocketOwner.UNCHANGED.apply(file);
        assertThat(Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0);
        SocketOwner.UNCHANGED.gid(4243).apply(file);
        assertThat(Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0);
        assertThat(Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(4243);
        SocketOwner.UNCHANGED.user("nobody").apply(file);
        assertThat(Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo("nobody");
        assertThat(Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(4243);
    }

    @Test
    void aFailureNamesTheOptionAndTheFile() throws IOException {
        Path gone = dir.resolve("gone.sock");
        assertThatThrownBy(() -> SocketOwner.UNCHANGED.group("nogroup").apply(gone))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("'group nogroup' : cannot change the ownership of '" + gone + "'");
        assertThatThrownBy(() -> SocketOwner.UNCHANGED.uid(7).apply(gone))
                .hasMessageStartingWith("'uid 7' : cannot change the ownership of '" + gone + "'");
    }
}
