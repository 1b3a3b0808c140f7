package io.tollgate.engine.persist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code cookie <name> ...} read as HAProxy 2.6 reads it. Every message below is what
 * {@code haproxy -c} (2.6.12) printed after {@code parsing [t.cfg:7] :} for the same line.
 */
class CookieSettingsTest {
    private final List<String> warnings = new ArrayList<>();

    private CookieSettings parse(String line) {
        return CookieSettings.parse(line.isEmpty() ? List.of() : Arrays.asList(line.split(" ")), warnings::add);
    }

    private void refused(String line, String message) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void aNameAloneIsPassiveWithNothingElse() {
        CookieSettings s = parse("SRV");

        assertThat(s.name()).isEqualTo("SRV");
        assertThat(s.mode()).isEqualTo(CookieMode.PASSIVE);
        assertThat(s.indirect() || s.nocache() || s.postonly() || s.preserve() || s.httpOnly() || s.secure()
                || s.dynamic() || s.hasDates()).isFalse();
        assertThat(s.domains()).isEmpty();
        assertThat(s.attributes()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void everyOptionIsRead() {
        CookieSettings s = parse("JSESSIONID insert indirect nocache postonly preserve httponly secure dynamic "
                + "domain .a.com domain b.org maxidle 30m maxlife 8h attr SameSite=Lax attr Partitioned");

        assertThat(s).isEqualTo(new CookieSettings("JSESSIONID", CookieMode.INSERT, true, true, true, true, true, true,
                List.of(".a.com", "b.org"), 1800, 28_800, true, List.of("SameSite=Lax", "Partitioned")));
        assertThat(s.hasDates()).isTrue();
    }

    @Test
    void modesAreTheirKeywords() {
        assertThat(parse("SRV insert").mode()).isEqualTo(CookieMode.INSERT);
        assertThat(parse("SRV rewrite").mode()).isEqualTo(CookieMode.REWRITE);
        assertThat(parse("SRV prefix").mode()).isEqualTo(CookieMode.PREFIX);
        assertThat(parse("SRV indirect").mode()).isEqualTo(CookieMode.PASSIVE);
        assertThat(parse("SRV insert insert").mode()).isEqualTo(CookieMode.INSERT);
    }

    @Test
    void theNameIsRequired() {
        refused("", "'cookie' expects <cookie_name> as argument.");
        assertThatThrownBy(() -> CookieSettings.parse(List.of(""), warnings::add))
                .hasMessage("'cookie' expects <cookie_name> as argument.");
    }

    @Test
    void unknownOptionsAreRefused() {
        refused("SRV foo", "'cookie' supports 'rewrite', 'insert', 'prefix', 'indirect', 'nocache', 'postonly', "
                + "'domain', 'maxidle', 'dynamic', 'maxlife' and 'attr' options (got 'foo').");
        refused("SRV INSERT", "'cookie' supports 'rewrite', 'insert', 'prefix', 'indirect', 'nocache', 'postonly', "
                + "'domain', 'maxidle', 'dynamic', 'maxlife' and 'attr' options (got 'INSERT').");
    }

    @Test
    void readingStopsAtAnEmptyWordAsHaproxysArgumentArrayDoes() {
        CookieSettings s = CookieSettings.parse(List.of("SRV", "insert", "", "bogus"), warnings::add);

        assertThat(s.mode()).isEqualTo(CookieMode.INSERT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SRV insert rewrite          | cookie 'rewrite', 'insert' and 'prefix' modes are incompatible.",
            "SRV prefix insert           | cookie 'rewrite', 'insert' and 'prefix' modes are incompatible.",
            "SRV rewrite prefix          | cookie 'rewrite', 'insert' and 'prefix' modes are incompatible.",
            "SRV rewrite indirect        | cookie 'rewrite' and 'indirect' modes are incompatible.",
            // HAProxy prints both; the first is enough to fix the line.
            "SRV rewrite insert indirect | cookie 'rewrite' and 'indirect' modes are incompatible.",
            "SRV preserve                | cookie 'preserve' requires at least 'insert' or 'indirect'.",
            "SRV rewrite preserve        | cookie 'preserve' requires at least 'insert' or 'indirect'.",
            "SRV prefix preserve         | cookie 'preserve' requires at least 'insert' or 'indirect'.",
    })
    void combinationsHaproxyRefuses(String line, String message) {
        refused(line.strip(), message);
    }

    @Test
    void combinationsHaproxyAccepts() {
        assertThat(parse("SRV indirect preserve").preserve()).isTrue();
        assertThat(parse("SRV insert preserve").preserve()).isTrue();
        assertThat(parse("SRV prefix indirect").indirect()).isTrue();
        assertThat(parse("SRV rewrite maxidle 10s").maxIdle()).isEqualTo(10);
        assertThat(parse("SRV dynamic").dynamic()).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDomainWithoutADotIsOnlyAWarning() {
        CookieSettings s = parse("SRV insert domain localhost domain b.c domain a");

        assertThat(s.domains()).containsExactly("localhost", "b.c", "a");
        assertThat(warnings).containsExactly(
                "domain 'localhost' contains no embedded dot, this configuration may not work properly (see RFC6265#5.2.3).",
                "domain 'a' contains no embedded dot, this configuration may not work properly (see RFC6265#5.2.3).");
    }

    @Test
    void aDomainStartingWithADotOrNotIsFine() {
        assertThat(parse("SRV insert domain .example.com domain www.example.com").domains())
                .containsExactly(".example.com", "www.example.com");
        assertThat(warnings).isEmpty();
    }

    @Test
    void domainsAreCheckedCharacterByCharacter() {
        refused("SRV insert domain exa$mple.com", "character '$' is not permitted in domain name 'exa$mple.com'.");
        refused("SRV insert domain é.com", "character 'é' is not permitted in domain name 'é.com'.");
        refused("SRV insert domain", "'domain' expects <domain> as argument.");
        assertThat(parse("SRV insert domain a-b_c.d9").domains()).containsExactly("a-b_c.d9");
    }

    @Test
    void aDomainWithoutDotAndWithABadCharacterWarnsThenFails() {
        refused("SRV insert domain local$host", "character '$' is not permitted in domain name 'local$host'.");
        assertThat(warnings).hasSize(1);
    }

    @ParameterizedTest(name = "maxidle {0} = {1}s")
    @CsvSource({
            "30, 30", "30s, 30", "30m, 1800", "8h, 28800", "2d, 172800", "0, 0",
            // Sub-second values round up to a second.
            "1ms, 1", "1500ms, 2", "1us, 1", "2147483647, 2147483647",
    })
    void timesDefaultToSeconds(String text, int seconds) {
        assertThat(parse("SRV insert maxidle " + text).maxIdle()).isEqualTo(seconds);
        assertThat(parse("SRV insert maxlife " + text).maxLife()).isEqualTo(seconds);
    }

    @Test
    void badTimesAreRefused() {
        refused("SRV insert maxidle", "'maxidle' expects <idletime> in seconds as argument.");
        refused("SRV insert maxlife", "'maxlife' expects <lifetime> in seconds as argument.");
        refused("SRV insert maxidle 30x", "unexpected character 'x' in argument to <maxidle>.");
        refused("SRV insert maxlife abc", "unexpected character 'a' in argument to <maxlife>.");
        refused("SRV insert maxidle -5", "unexpected character '-' in argument to <maxidle>.");
        refused("SRV insert maxlife 1y", "unexpected character 'y' in argument to <maxlife>.");
        refused("SRV insert maxidle 3u", "unexpected character 'u' in argument to <maxidle>.");
        refused("SRV insert maxidle 2147483648",
                "timer overflow in argument <2147483648> to <maxidle>, maximum value is 2147483647 s (~68 years).");
        refused("SRV insert maxidle 99999999999",
                "timer overflow in argument <99999999999> to <maxidle>, maximum value is 2147483647 s (~68 years).");
        refused("SRV insert maxlife 25000d",
                "timer overflow in argument <25000d> to <maxlife>, maximum value is 2147483647 s (~68 years).");
        refused("SRV insert maxlife 99999999999999999999999",
                "timer overflow in argument <99999999999999999999999> to <maxlife>, maximum value is 2147483647 s (~68 years).");
    }

    @Test
    void junkAfterAUnitIsOnlyAWarningIn26() {
        assertThat(parse("SRV insert maxidle 30mx").maxIdle()).isEqualTo(1800);
        assertThat(warnings).containsExactly("unexpected character 'x' after the timer value '30mx', only "
                + "(us=microseconds,ms=milliseconds,s=seconds,m=minutes,h=hours,d=days) are supported. "
                + "This will be reported as an error in next versions.");
    }

    @Test
    void attributesMayHoldAnythingButControlsAndSemicolons() {
        assertThat(parse("SRV insert attr SameSite=None attr Max-Age=3600,x").attributes())
                .containsExactly("SameSite=None", "Max-Age=3600,x");
        refused("SRV insert attr", "'attr' expects <value> as argument.");
        refused("SRV insert attr a;b", "character '%x3B' is not permitted in attribute value.");
        refused("SRV insert attr a\tb", "character '%x09' is not permitted in attribute value.");
        refused("SRV insert attr a\u007fb", "character '%x7F' is not permitted in attribute value.");
    }

    @Test
    void laterOccurrencesAddRatherThanReplace() {
        CookieSettings s = parse("SRV insert maxidle 10 maxidle 20 attr a attr b");

        assertThat(s.maxIdle()).isEqualTo(20);
        assertThat(s.attributes()).containsExactly("a", "b");
    }

    @Test
    void theRecordKeepsItsListsToItself() {
        List<String> domains = new ArrayList<>(List.of(".a.com"));
        CookieSettings s = new CookieSettings("SRV", CookieMode.INSERT, false, false, false, false, false, false,
                domains, 0, 0, false, List.of());
        domains.add(".b.com");

        assertThat(s.domains()).containsExactly(".a.com");
        assertThatThrownBy(() -> new CookieSettings("", CookieMode.INSERT, false, false, false, false, false, false,
                List.of(), 0, 0, false, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
