package io.tollgate.console.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a line read from the admin socket becomes commands (HAProxy 2.6's rules, checked with socat). */
class CommandSplitterTest {

    @Test
    void splitsOnSemicolonsAndTrims() {
        assertThat(CommandSplitter.split(" show cli level ; set server be/s1 state maint"))
                .containsExactly("show cli level", "set server be/s1 state maint");
    }

    @Test
    void keepsEmptyCommandsWhichHaproxyAnswersAsUnknown() {
        assertThat(CommandSplitter.split("a;;b;")).containsExactly("a", "", "b", "");
    }

    @Test
    void anEscapedSemicolonIsPartOfTheCommand() {
        assertThat(CommandSplitter.split("set var x a\\;b;quit")).containsExactly("set var x a;b", "quit");
        assertThat(CommandSplitter.split("a\\b")).containsExactly("a\\b");
    }
}
