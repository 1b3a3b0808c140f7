package io.tollgate.engine.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Line reading: LF handling, conditional blocks, diagnostic directives and keyword prefixes. */
class ConfigFileReaderTest {
    private final Problems problems = new Problems();
    private final List<Line> lines = new ArrayList<>();

    private List<String> read(String text, Map<String, String> env) {
        ConfigFileReader.read("x.cfg", text.getBytes(StandardCharsets.UTF_8), env::get, problems,
                new ConfigFileReader.LineSink() {
                    @Override
                    public void accept(Line line) {
                        lines.add(line);
                    }

                    @Override
                    public String sectionName() {
                        return "sec";
                    }
                });
        return lines.stream().map(l -> l.source().line() + ":" + String.join(" ", l.words())).toList();
    }

    private List<String> problemTexts() {
        return problems.all().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void aMissingLfOnTheLastLineIsAnErrorButTheLineIsStillRead() {
        assertThat(read("global\n    maxconn 10", Map.of())).containsExactly("1:global", "2:maxconn 10");
        assertThat(problemTexts()).containsExactly(
                "[ALERT] parsing [x.cfg:2] : Missing LF on last line, file might have been truncated at position 15.");
    }

    @Test
    void blankCommentAndEmptyWordLinesAreSkipped() {
        assertThat(read("\n# comment\n   \n\"\" ignored\nmode http  # trailing\n", Map.of()))
                .containsExactly("5:mode http");
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void wordsAfterAnEmptyWordAreDroppedAsHaproxysParsersStopThere() {
        assertThat(read("server s1 \"$NOPE\" check\n", Map.of())).containsExactly("1:server s1");
    }

    @Test
    void conditionalBlocksKeepOnlyTheTakenBranch() {
        String text = """
                .if defined(A)
                a
                .elif defined(B)
                b
                .else
                c
                .endif
                .if feature(QUIC)
                quic
                .elif version_atleast(2.6) && !version_before(2.6.12)
                  .if streq(x,x)
                nested
                  .endif
                .endif
                .if 0
                  .if defined(A)
                never
                  .endif
                .endif
                """;
        assertThat(read(text, Map.of("B", ""))).containsExactly("4:b", "12:nested");
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void conditionalBlockErrorsStopTheFile() {
        read(".else\nmode http\n", Map.of());
        assertThat(problemTexts()).containsExactly("[ALERT] parsing [x.cfg:1] : lone '.else' with no matching '.if'.");
        assertThat(lines).isEmpty();
    }

    @Test
    void anUnterminatedIfIsReportedAtTheEnd() {
        read(".if 1\nmode http\n", Map.of());
        assertThat(problemTexts()).containsExactly("[ALERT] parsing [x.cfg:2] : non-terminated '.if' block.");
    }

    @Test
    void aBadConditionIsReported() {
        read(".if nosuch(x)\n.endif\n", Map.of());
        assertThat(problemTexts()).singleElement().asString()
                .startsWith("[ALERT] parsing [x.cfg:1] : unknown predicate 'nosuch'");
    }

    @Test
    void diagnosticDirectives() {
        read(".warning \"careful now\"\n.notice hello\n.diag debug\n.alert stop\nnever read\n", Map.of());
        assertThat(problemTexts()).containsExactly(
                "[WARNING] parsing [x.cfg:1] : 'careful now'.",
                "[ALERT] parsing [x.cfg:4] : 'stop'.");
        assertThat(lines).isEmpty();
    }

    @Test
    void diagnosticDirectivesTakeOneWord() {
        read(".warning two words\n.bogus\n", Map.of());
        assertThat(problemTexts()).containsExactly(
                "[ALERT] parsing [x.cfg:1] : Unexpected argument 'words' for '.warning'. Use quotes if the message should contain spaces.",
                "[ALERT] parsing [x.cfg:2] : unknown directive '.bogus'.");
    }

    @Test
    void pseudoVariablesNameTheLineFileAndSection() {
        read(".warning \"${.FILE}:${.LINE} in ${.SECTION}\"\n", Map.of());
        assertThat(problemTexts()).containsExactly("[WARNING] parsing [x.cfg:1] : 'x.cfg:1 in sec'.");
    }

    @Test
    void noAndDefaultPrefixesAreStrippedForTheKeywordsThatAcceptThem() {
        read("no option httplog\ndefault option redispatch\nno log\nno bind :80\n", Map.of());
        assertThat(lines).extracting(Line::modifier)
                .containsExactly(Line.Modifier.NO, Line.Modifier.DEFAULT, Line.Modifier.NO);
        assertThat(lines.get(0).words()).containsExactly("option", "httplog");
        assertThat(problemTexts()).containsExactly("[ALERT] parsing [x.cfg:4] : negation/default currently supported "
                + "only for options, log, busy-polling, set-dumpable, strict-limits, insecure-fork-wanted and numa-cpu-mapping.");
    }

    @Test
    void tokenizerErrorsNameTheLine() {
        read("  stats realm \"oops\n", Map.of());
        assertThat(problemTexts()).containsExactly(
                "[ALERT] parsing [x.cfg:1] : unmatched quote at position 15: stats realm \"oops");
    }
}
