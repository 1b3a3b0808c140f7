package io.tollgate.engine.check;

import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.CheckStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent replies read word by word, and the result each gives, as HAProxy 2.6.12 showed them in
 * {@code agent_status}/{@code last_agt} for the same lines.
 */
class AgentReplyTest {

    @Test
    void wordsAreSplitOnBlanksAndCommasAndTheLastOfEachKindWins() {
        AgentReply r = AgentReply.parse("up,20%,maxconn:7 drain\t50% MAXCONN:4");
        assertThat(r.health()).isEqualTo("up");
        assertThat(r.forcedHealth()).isEqualTo(AgentReply.TOP);
        assertThat(r.admin()).isEqualTo("drain");
        assertThat(r.weight()).isEqualTo("50%");
        assertThat(r.maxconn()).isEqualTo("4");
        assertThat(r.error()).isNull();
        assertThat(r.description()).isEmpty();
    }

    @Test
    void descriptionFollowsTheSharpAndOnlyTheFirstUnknownWordIsKept() {
        AgentReply r = AgentReply.parse("down abc xyz #  going away ");
        assertThat(r.health()).isEqualTo("down");
        assertThat(r.forcedHealth()).isZero();
        assertThat(r.error()).isEqualTo("abc");
        assertThat(r.description()).isEqualTo("going away ");
        // a sharp inside a word is part of the word
        assertThat(AgentReply.parse("up#x").error()).isEqualTo("up#x");
    }

    @Test
    void failKeepsWhatAnEarlierWordDidToTheCounter() {
        assertThat(AgentReply.parse("fail").forcedHealth()).isEqualTo(-1);
        assertThat(AgentReply.parse("down fail").forcedHealth()).isZero();
        assertThat(AgentReply.parse("down fail").health()).isEqualTo("fail");
        assertThat(AgentReply.parse("STOPPED").health()).isEqualTo("STOPPED");
    }

    @Test
    void resultsAsHaproxyShowsThem() {
        assertResult("up", CheckStatus.L7_OK, 0, "via agent : up");
        assertResult("UP 100%", CheckStatus.L7_OK, 0, "via agent : UP");
        assertResult("up #fine", CheckStatus.L7_OK, 0, "via agent : up (fine)");
        assertResult("up abc", CheckStatus.L7_OK, 0, "via agent : up (abc)");
        assertResult("bogus 50% up", CheckStatus.L7_OK, 0, "via agent : up (bogus)");
        assertResult("down #going away", CheckStatus.L7_STATUS, 0, "via agent : down (going away)");
        assertResult("down abc #x", CheckStatus.L7_STATUS, 0, "via agent : down (x)");
        assertResult("down abc", CheckStatus.L7_STATUS, 0, "via agent : down (abc)");
        assertResult("fail # why not", CheckStatus.L7_STATUS, 0, "via agent : fail (why not)");
        assertResult("stopped", CheckStatus.L7_STATUS, 0, "via agent : stopped");
        assertResult("50%", CheckStatus.CHECKED, -1, "");
        assertResult("drain 30% maxconn:5 # some text here ", CheckStatus.CHECKED, -1, "");
        assertResult("#only text", CheckStatus.CHECKED, -1, "");
        assertResult("  ", CheckStatus.CHECKED, -1, "");
        assertResult("abc", CheckStatus.CHECKED, -1, "agent reports an error : abc");
        assertResult("-5%", CheckStatus.CHECKED, -1, "agent reports an error : -5%");
        assertResult("maxconn: 5", CheckStatus.CHECKED, -1, "agent reports an error : 5");
    }

    @Test
    void warningsShowWhenNothingElseDoes() {
        AgentReply weight = AgentReply.parse("50.5%");
        assertThat(AgentEffects.result(weight, "Trailing garbage in weight string", 3).info())
                .isEqualTo("agent warns : Trailing garbage in weight string");
        AgentReply up = AgentReply.parse("up 50.5%");
        assertThat(AgentEffects.result(up, "Trailing garbage in weight string", 3).info())
                .isEqualTo("via agent : up (Trailing garbage in weight string)");
    }

    private static void assertResult(String line, CheckStatus status, int code, String info) {
        CheckState.Result r = AgentEffects.result(AgentReply.parse(line), null, 7);
        assertThat(r.status()).as(line).isEqualTo(status);
        assertThat(r.code()).as(line).isEqualTo(code);
        assertThat(r.info()).as(line).isEqualTo(info);
        assertThat(r.durationMillis()).isEqualTo(7);
    }
}
