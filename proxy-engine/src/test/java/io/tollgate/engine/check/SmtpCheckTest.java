package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code option smtpchk} against small SMTP servers, with the statuses, codes and texts HAProxy
 * 2.6.12 showed for the same replies: the check ends with QUIT and reports its 221.
 */
class SmtpCheckTest {

    @Test
    void smtpRepliesAsHaproxyJudgesThem() throws Exception {
        try (SmtpResponder good = new SmtpResponder(SmtpResponder.READY, SmtpResponder.HELLO_OK, false);
             SmtpResponder esmtp = new SmtpResponder(SmtpResponder.READY, SmtpResponder.EHLO_OK, false);
             SmtpResponder busy = new SmtpResponder("554 No service here\r\n", SmtpResponder.HELLO_OK, false);
             SmtpResponder chatty = new SmtpResponder("hello there\r\n", SmtpResponder.HELLO_OK, false);
             SmtpResponder multi = new SmtpResponder("220-mail.example first\r\n220 second line\r\n",
                     SmtpResponder.HELLO_OK, false);
             SmtpResponder rejectClose = new SmtpResponder(SmtpResponder.READY, "501 5.5.4 Syntax: HELO hostname\r\n", true);
             SmtpResponder rejectStay = new SmtpResponder(SmtpResponder.READY, "501 5.5.4 Syntax: HELO hostname\r\n", false);
             CheckedEngine e = CheckedEngine.start(CheckResults.defaults("500")
                     + CheckResults.backend("good", "smtpchk", good.port())
                     + CheckResults.backend("esmtp", "smtpchk EHLO example.org", esmtp.port())
                     + CheckResults.backend("busy", "smtpchk", busy.port())
                     + CheckResults.backend("chatty", "smtpchk", chatty.port())
                     + CheckResults.backend("multi", "smtpchk", multi.port())
                     + CheckResults.backend("rejectclose", "smtpchk", rejectClose.port())
                     + CheckResults.backend("rejectstay", "smtpchk", rejectStay.port()))) {
            assertThat(CheckResults.first(e, "good", "s")).isEqualTo("L7OK/221 2.0.0 Bye");
            assertThat(good.commands.subList(0, 2)).isEqualTo(List.of("HELO localhost", "QUIT"));
            // a multi-line 250 answer to EHLO passes
            assertThat(CheckResults.first(e, "esmtp", "s")).isEqualTo("L7OK/221 2.0.0 Bye");
            assertThat(esmtp.commands.subList(0, 2)).isEqualTo(List.of("EHLO example.org", "QUIT"));
            assertThat(CheckResults.first(e, "busy", "s")).isEqualTo("L7STS/554 No service here");
            assertThat(CheckResults.first(e, "chatty", "s")).isEqualTo("L7RSP hello there");
            // a greeting must be one line
            assertThat(CheckResults.first(e, "multi", "s")).isEqualTo("L7RSP 220-mail.example first");
            assertThat(CheckResults.first(e, "rejectclose", "s")).isEqualTo("L7STS/501 5.5.4 Syntax: HELO hostname");
            // without the close HAProxy keeps waiting for a 2xx line
            assertThat(CheckResults.first(e, "rejectstay", "s")).isEqualTo("L7TOUT");
            assertThat(e.messages()).anyMatch(m -> m.startsWith("Server busy/s is DOWN, reason: Layer7 wrong status, "
                    + "code: 554, info: \"No service here\", check duration: "));
        }
    }
}
