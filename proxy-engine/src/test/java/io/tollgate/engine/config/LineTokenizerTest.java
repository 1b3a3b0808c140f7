package io.tollgate.engine.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokenizer against what HAProxy 2.6.12 printed for the same lines (each case was run as
 * {@code .warning <line>} through {@code haproxy -c} with FOO=val; see the expected column).
 */
class LineTokenizerTest {
    private static final Map<String, String> ENV = Map.of("FOO", "val", "LIST", "a  b c");

    private static List<String> words(String line) {
        LineTokenizer.Result result = LineTokenizer.tokenize(line, ENV::get);
        assertThat(result.error()).isNull();
        return result.words();
    }

    private static String error(String line) {
        return LineTokenizer.tokenize(line, ENV::get).error();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "$FOO                 | $FOO",
        "\"$FOO\"             | val",
        "\"${FOO}x\"          | valx",
        "\"${BAR-default value}\" | default value",
        "'$FOO'               | $FOO",
        "a\\ b                | a b",
        "\\x41\\x42           | AB",
        "\"a#b\"              | a#b",
        "a#b                  | a",
        "a\\#b                | a#b",
        "\"\\$FOO\"           | $FOO",
        "\\$FOO               | \\$FOO",
        "'it''s'              | its",
        "\"q\\\"q\"           | q\"q",
        "\\q                  | \\q",
        "\"${FOO}\"suffix'lit' | valsuffixlit",
    })
    void oneWordAsHaproxyPrintsIt(String line, String expected) {
        assertThat(words(line.strip())).containsExactly(expected);
    }

    @Test
    void blanksSeparateWordsAndATrailingBlankLeavesAnEmptyWord() {
        assertThat(words("  server   s1\t1.2.3.4:80 ")).containsExactly("server", "s1", "1.2.3.4:80", "");
    }

    @Test
    void commentsEndTheLineOutsideQuotesOnly() {
        assertThat(words("bind :80 # public")).containsExactly("bind", ":80", "");
        assertThat(words("stats realm \"a # b\"")).containsExactly("stats", "realm", "a # b");
        assertThat(words("stats realm 'a # b'")).containsExactly("stats", "realm", "a # b");
    }

    @Test
    void escapesMakeControlCharacters() {
        assertThat(words("x \"a\\tb\" c\\nd e\\rf")).containsExactly("x", "a\tb", "c\nd", "e\rf");
        assertThat(words("x a\\\\b")).containsExactly("x", "a\\b");
        assertThat(words("x \\'a\\' \\\"b\\\"")).containsExactly("x", "'a'", "\"b\"");
    }

    @Test
    void singleQuotesKeepBackslashesAndDollars() {
        assertThat(words("x 'a\\tb $FOO \"q\"'")).containsExactly("x", "a\\tb $FOO \"q\"");
    }

    @Test
    void unsetVariablesExpandToNothing() {
        assertThat(words("x \"[$NOPE]\" \"${NOPE}\"")).containsExactly("x", "[]", "");
    }

    @Test
    void wordExpansionSplitsAVariableIntoSeveralWords() {
        assertThat(words("x \"${LIST[*]}\" y")).containsExactly("x", "a", "b", "c", "y");
        assertThat(words("x \"${LIST}\"")).containsExactly("x", "a  b c");
    }

    @Test
    void pseudoVariablesComeFromTheCaller() {
        LineTokenizer.Result result = LineTokenizer.tokenize("x \"${.LINE}\"", name -> name.equals(".LINE") ? "13" : null);
        assertThat(result.words()).containsExactly("x", "13");
        assertThat(LineTokenizer.tokenize("x \"${.NOPE}\"", name -> null).error())
                .isEqualTo("forbidden first char in environment variable name at position 6");
    }

    @Test
    void carriageReturnEndsTheLine() {
        assertThat(words("mode http\r")).containsExactly("mode", "http");
    }

    @Test
    void errorsGiveHaproxysMessageAndPosition() {
        assertThat(error("stats realm \"oops")).isEqualTo("unmatched quote at position 13");
        assertThat(error("  x 'oops")).isEqualTo("unmatched quote at position 5");
        assertThat(error("x \\x4")).isEqualTo("truncated or invalid hexadecimal sequence at position 3");
        assertThat(error("x \"${FOO\"")).isEqualTo("unmatched brace in environment variable name at position 5");
        assertThat(error("x \"$1\"")).isEqualTo("forbidden first char in environment variable name at position 5");
        assertThat(error("x \"${FOO[x]}\"")).isEqualTo("truncated or invalid word expansion sequence at position 9");
    }

    @Test
    void unquotedAddressExpansionIsHaproxysSecondPass() {
        assertThat(EnvExpansion.expand("*:$PORT", Map.of("PORT", "8080")::get)).isEqualTo("*:8080");
        assertThat(EnvExpansion.expand("${HOST}:80", Map.of("HOST", "h")::get)).isEqualTo("h:80");
        assertThat(EnvExpansion.expand("$NOPE:80", Map.<String, String>of()::get)).isEqualTo(":80");
        assertThat(EnvExpansion.expand("no-dollar", Map.<String, String>of()::get)).isEqualTo("no-dollar");
    }
}
