package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real logrotate with the tutorial's settings (daily, rotate 7, compress, delaycompress,
 * dateext, missingok) forced three times while a writer keeps logging to a {@code file@} target.
 * Its postrotate asks the test, over a socket as an operator's runtime API command would, to
 * {@link LogShipper#reopen()}. Every line is in exactly one file; the older rotated files are
 * gzipped. Fails when logrotate is not installed ({@code bin/test} installs it).
 */
class LogrotateTest {

    private static final Path LOGROTATE = Path.of("/usr/sbin/logrotate");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the shipper is closed inside the block to read what it flushed
    void forcedRotationsWhileLinesFlowLoseAndDuplicateNothing() throws Exception {
        assertThat(Files.isExecutable(LOGROTATE)).as("logrotate is installed (apt-get install logrotate)").isTrue();
        Path log = dir.resolve("haproxy.log");
        AtomicInteger reopens = new AtomicInteger();
        try (LogShipper shipper = new LogShipper(100_000, Clock.systemUTC(), p -> { });
             ServerSocket control = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread reopener = new Thread(() -> {
                while (!control.isClosed()) {
                    try (Socket s = control.accept()) {
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                        shipper.reopen().get(10, TimeUnit.SECONDS);
                        reopens.incrementAndGet();
                        OutputStream out = s.getOutputStream();
                        out.write("done\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (Exception e) {
                        // closed at the end of the test
                    }
                }
            });
            reopener.setDaemon(true);
            reopener.start();
            Path conf = dir.resolve("logrotate.conf");
            // %s in the date format: the forced rotations all happen on one day
            Files.writeString(conf, log + " {\n"
                    + "    daily\n    rotate 7\n    missingok\n    notifempty\n    compress\n    delaycompress\n"
                    + "    dateext\n    dateformat -%Y%m%d-%s\n"
                    + "    postrotate\n        echo reopen | socat -t 10 - TCP:127.0.0.1:" + control.getLocalPort() + "\n"
                    + "    endscript\n}\n");

            LogRoute route = Routes.of("file@" + log + " format raw local0");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    if (shipper.offer(route, Severity.INFO, "line " + written.get())) {
                        written.incrementAndGet();
                    }
                    if (written.get() % 10 == 0) {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            writer.start();
            for (int round = 0; round < 3; round++) {
                Thread.sleep(1100); // a new second for dateformat's %s, and lines in the file
                Process logrotate = new ProcessBuilder(LOGROTATE.toString(), "-f", "-s", dir.resolve("state").toString(),
                        conf.toString()).redirectErrorStream(true).start();
                String output = new String(logrotate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(logrotate.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(logrotate.exitValue()).as(output).isZero();
            }
            writing.set(false);
            writer.join(10_000);
            shipper.close();
            assertThat(shipper.dropped()).isZero();
            assertThat(reopens.get()).isEqualTo(3);

            List<Path> files = LogFiles.family(dir, "haproxy.log");
            List<String> rotated = new ArrayList<>();
            for (Path p : files) {
                if (!p.equals(log)) {
                    rotated.add(p.getFileName().toString());
                }
            }
            // delaycompress: the newest rotated file stays plain until the next rotation
            assertThat(rotated).hasSize(3);
            assertThat(rotated.subList(0, 2)).allSatisfy(n -> assertThat(n).matches("haproxy\\.log-\\d{8}-\\d+\\.gz"));
            assertThat(rotated.get(2)).matches("haproxy\\.log-\\d{8}-\\d+");

            // one writer: the rotated files in the order of their names, then the live file, hold every line once, in order
            List<String> all = new ArrayList<>();
            for (String name : rotated) {
                all.addAll(LogFiles.lines(dir.resolve(name)));
            }
            all.addAll(LogFiles.lines(log));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < written.get(); i++) {
                expected.add("line " + i);
            }
            assertThat(all.size()).isEqualTo(expected.size());
            assertThat(all.equals(expected)).as("every line once, in order").isTrue();
            for (Path p : files) {
                assertThat(LogFiles.lines(p)).as(p.toString()).isNotEmpty();
            }
        }
    }
}
