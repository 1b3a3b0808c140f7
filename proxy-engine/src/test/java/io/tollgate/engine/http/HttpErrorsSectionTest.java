package io.tollgate.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code http-errors} sections; every message was checked with {@code haproxy -c}, where it reads
 * {@code parsing [k.cfg:7] : <message>} ({@code parsing [k.cfg:8]: } for the duplicate).
 */
class HttpErrorsSectionTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    private ReplyContext context() {
        return new ReplyContext(dir::resolve, ReplyLimits.DEFAULT, warnings::add);
    }

    private HttpErrorsSection.Builder section() throws Exception {
        Files.createDirectories(dir.resolve("ef"));
        Files.write(dir.resolve("ef/ok.http"), "HTTP/1.1 503 X\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("ef/clen.http"), "HTTP/1.1 503 X\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("ef/empty.http"), new byte[0]);
        return HttpErrorsSection.builder("myerrs", "k.cfg:6");
    }

    @Test
    void pagesByCodeTheLastLineWinning() throws Exception {
        HttpErrorsSection s = section()
                .line(List.of("errorfile", "503", "ef/empty.http"), context())
                // words after the file are ignored, as by HAProxy
                .line(List.of("errorfile", "503", "ef/ok.http", "extra"), context())
                .line(List.of("errorfile", "421", "ef/empty.http"), context())
                .line(List.of(), context())
                .build();
        assertThat(s.name()).isEqualTo("myerrs");
        assertThat(s.pages().keySet()).containsExactly(421, 503);
        assertThat(s.page(503).isEmpty()).isFalse();
        assertThat(s.page(421).isEmpty()).isTrue();
        assertThat(s.page(404)).isNull();
    }

    @Test
    void lineMessages() throws Exception {
        HttpErrorsSection.Builder s = section();
        assertThatThrownBy(() -> s.line(List.of("bogus", "503", "ef/ok.http"), context()))
                .hasMessage("unknown keyword 'bogus' in 'http-errors' section");
        assertThatThrownBy(() -> s.line(List.of("errorfile", "503"), context()))
                .hasMessage("errorfile: expects <status_code> and <file> as arguments.");
        assertThatThrownBy(() -> s.line(List.of("errorfile", "402", "ef/ok.http"), context()))
                .hasMessage("errorfile : status code '402' not handled.");
        assertThatThrownBy(() -> s.line(List.of("errorfile", "503", "ef/nope.http"), context()))
                .hasMessage("errorfile : error opening file 'ef/nope.http'.");
        assertThatThrownBy(() -> s.line(List.of("errorfile", "503", "ef/clen.http"), context()))
                .hasMessage("errorfile : 'ef/clen.http': payload size does not match the announced content-length"
                        + " (3 != 10)");
    }

    @Test
    void names() throws Exception {
        assertThatThrownBy(() -> HttpErrorsSection.builder("", "k.cfg:6"))
                .hasMessage("missing name for http-errors section.");
        assertThatThrownBy(() -> HttpErrorsSection.builder("a/b", "k.cfg:6"))
                .hasMessage("character '/' is not permitted in 'http-errors' name 'a/b'.");
        assertThat(HttpErrorsSection.builder("a.b-c_d:e", "k.cfg:6")).isNotNull();
    }

    @Test
    void oneSectionPerName() throws Exception {
        HttpErrorsSections sections = HttpErrorsSections.none().plus(section().build());
        assertThat(sections.find("myerrs")).isPresent();
        assertThat(sections.find("other")).isEmpty();
        HttpErrorsSection again = HttpErrorsSection.builder("myerrs", "k.cfg:8").build();
        assertThatThrownBy(() -> sections.plus(again))
                .hasMessage("http-errors section 'myerrs' already exists (declared at k.cfg:6).");
    }
}
