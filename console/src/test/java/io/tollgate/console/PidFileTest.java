package io.tollgate.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void writesThisProcessPidAndRemovesItOnClose() throws Exception {
        Path path = dir.resolve("sub/tollgate.pid");

        PidFile pidFile = PidFile.write(path);

        assertThat(Files.readString(path)).isEqualTo(ProcessHandle.current().pid() + "\n");
        pidFile.close();
        assertThat(path).doesNotExist();
    }

    @Test
    void leavesAFileThatAnotherProcessHasTakenOver() throws Exception {
        Path path = dir.resolve("tollgate.pid");
        PidFile pidFile = PidFile.write(path);
        Files.writeString(path, "1\n");

        pidFile.close();

        assertThat(path).hasContent("1");
    }
}
