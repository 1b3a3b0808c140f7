package io.tollgate.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The issue's acceptance test: Debian's chromium, headless, driven through Debian's chromedriver
 * against a running Tollgate with the demo layout ({@code examples/demo.cfg} on free ports, the demo
 * upstreams as servers). It logs in, reads the tables, puts a server in maintenance and back from
 * the page's own form, filters, and watches a live update. Screenshots of the main steps go to
 * {@code target/screenshots}. A browser that cannot start fails the test: it never skips.
 */
class StatsPageBrowserTest {
    private static final String BROWSER = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final List<String> SERVERS = List.of("ms1.srv1", "ms1.srv2", "ms2.srv1", "ms2.srv2", "def.srv1",
            "def.srv2");
    private static final List<String> GROUPS = List.of("Queue", "Session rate", "Sessions", "Bytes", "Denied",
            "Errors", "Warnings", "Server");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Held so that its level sticks: without the DevTools bindings (see the parent pom) it warns on every start. */
    private static final Logger CDP_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    /** The text of the cell under column {@code data-f} of a row, spanning cells included (as page.js reads them). */
    private static final String CELL_SCRIPT = """
            const [proxy, label, field] = arguments;
            const section = Array.from(document.querySelectorAll('section.proxy')).find((s) => s.dataset.proxy === proxy);
            const fields = Array.from(section.querySelectorAll('thead tr:nth-child(2) th'), (th) => th.dataset.f);
            const tr = Array.from(section.querySelectorAll('tbody tr'))
                .find((r) => r.querySelector('td.name').textContent === label);
            const column = fields.indexOf(field);
            let td = tr.querySelector('td.name').nextElementSibling, first = 0;
            while (td && first + td.colSpan <= column) { first += td.colSpan; td = td.nextElementSibling; }
            return td ? td.textContent : null;
            """;

    @TempDir
    Path dir;

    private DemoUpstreams upstreams;
    private Lifetime lifetime;
    private CompletableFuture<Integer> exit;
    private WebDriver driver;
    private String page;
    private String frontend;
    private int shots;

    @BeforeEach
    void start() throws Exception {
        upstreams = DemoUpstreams.startOnFreePorts(SERVERS);
        int frontendPort = Cli.freePort();
        int statsPort = Cli.freePort();
        Path cfg = dir.resolve("demo.cfg");
        Files.writeString(cfg, demoOnFreePorts(frontendPort, statsPort));
        lifetime = Lifetime.untilEnded();
        exit = Cli.startInBackground(lifetime, cfg);
        page = "http://127.0.0.1:" + statsPort + "/stats";
        frontend = "http://127.0.0.1:" + frontendPort;
        driver = startBrowser(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (lifetime != null) {
                lifetime.end();
                upstreams.close();
                assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
            }
        }
    }

    @Test
    void anOperatorReadsActsFiltersAndWatchesThePage() throws Exception {
        // Chrome keeps the user:password of a top-level navigation for the origin: the form's POST, its
        // redirect and the live update's fetch send them again
        driver.get(page.replace("http://", "http://admin:admin@"));
        assertThat(driver.getTitle()).isEqualTo("Statistics Report for HAProxy");
        everyProxyHasItsTable();

        // the first checks run within one inter (2 s) of the start
        String lastCheck = await(10, d -> {
            String text = cell("ms1", "ms1.srv1", "check_status");
            return text.matches("L7OK/200 in \\d+ms") ? text : null;
        }, "ms1.srv1's LastChk to say L7OK/200 (the live update rewrites it)");
        assertThat(cell("ms1", "ms1.srv1", "status")).matches("(\\d+[dhms])+ UP");
        assertThat(row("ms1", "ms1.srv1").getDomAttribute("class")).isEqualTo("active_up");
        assertThat(lastCheck).startsWith("L7OK/200 in ");
        screenshot("tables");

        countersMoveWithoutReload();
        maintenanceAndBack();
        filterNarrowsTheRows();
    }

    private void everyProxyHasItsTable() {
        Map<String, List<String>> expected = new HashMap<>();
        expected.put("http-in", List.of("Frontend"));
        expected.put("ms1", List.of("ms1.srv1", "ms1.srv2", "Backend"));
        expected.put("ms2", List.of("ms2.srv1", "ms2.srv2", "Backend"));
        expected.put("default_servers", List.of("def.srv1", "def.srv2", "Backend"));
        expected.put("stats", List.of("Frontend", "Backend"));
        List<String> proxies = driver.findElements(By.cssSelector("section.proxy")).stream()
                .map(s -> s.getDomAttribute("data-proxy")).toList();
        assertThat(proxies).containsExactly("http-in", "ms1", "ms2", "default_servers", "stats");
        for (Map.Entry<String, List<String>> proxy : expected.entrySet()) {
            WebElement section = section(proxy.getKey());
            assertThat(section.findElement(By.cssSelector(".pxname a")).getText()).isEqualTo(proxy.getKey());
            List<String> groups = section.findElements(By.cssSelector("thead tr:first-child th")).stream()
                    .map(WebElement::getText).filter(t -> !t.isEmpty()).toList();
            assertThat(groups).as(proxy.getKey()).containsExactlyElementsOf(GROUPS);
            List<String> rows = section.findElements(By.cssSelector("tbody tr td.name")).stream()
                    .map(WebElement::getText).toList();
            assertThat(rows).as(proxy.getKey()).containsExactlyElementsOf(proxy.getValue());
        }
    }

    private void countersMoveWithoutReload() throws Exception {
        js("window.__noReload = 1;");
        String before = cell("ms2", "Backend", "stot");
        for (int i = 0; i < 5; i++) {
            assertThat(Http.get(frontend + "/ms2/x").statusCode()).isEqualTo(200);
        }
        // the live update polls the JSON export every 5 s
        String after = await(15, d -> {
            String now = cell("ms2", "Backend", "stot");
            return now.equals(before) ? null : now;
        }, "the live update to change ms2's Sessions Total from " + before);
        assertThat(js("return window.__noReload;")).as("the page was reloaded").isEqualTo(1L);
        assertThat(Long.parseLong(after.replace("\u202f", ""))).isGreaterThanOrEqualTo(
                Long.parseLong(before.replace("\u202f", "")) + 5);
        assertThat(driver.findElement(By.id("tg-live-state")).getText()).startsWith("updated ");
        screenshot("live-update");
    }

    private void maintenanceAndBack() throws Exception {
        apply("ms1", "ms1.srv1", "maint");
        assertThat(row("ms1", "ms1.srv1").getDomAttribute("class")).isEqualTo("maintain");
        assertThat(cell("ms1", "ms1.srv1", "status")).matches("(\\d+[dhms])+ MAINT");
        // the row takes the colour the legend gives MAINT, whatever the colour scheme
        assertThat(row("ms1", "ms1.srv1").getCssValue("background-color"))
                .isEqualTo(driver.findElement(By.cssSelector("table.legend td.maintain")).getCssValue("background-color"));
        assertThat(csvStatus("ms1", "ms1.srv1")).isEqualTo("MAINT");
        assertThat(answers("/ms1/x", 6)).containsOnly("ms1.srv2");
        screenshot("maint");

        apply("ms1", "ms1.srv1", "ready");
        // back through its checks: the live update recolours the row without a reload
        await(15, d -> "active_up".equals(row("ms1", "ms1.srv1").getDomAttribute("class")) ? true : null,
                "ms1.srv1's row to turn active_up again");
        assertThat(csvStatus("ms1", "ms1.srv1")).isEqualTo("UP");
        assertThat(answers("/ms1/x", 6)).contains("ms1.srv1", "ms1.srv2");
        screenshot("ready");
    }

    private void filterNarrowsTheRows() throws Exception {
        WebElement filter = driver.findElement(By.id("tg-filter"));
        filter.sendKeys("srv1");
        // each proxy keeps its matching servers, framed by its Frontend/Backend rows
        assertThat(shownRows()).containsExactly("ms1/ms1.srv1", "ms1/Backend", "ms2/ms2.srv1", "ms2/Backend",
                "default_servers/def.srv1", "default_servers/Backend");
        assertThat(section("http-in").isDisplayed()).isFalse();
        assertThat(row("ms1", "ms1.srv2").isDisplayed()).isFalse();
        screenshot("filter");

        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), "ms2");
        assertThat(shownRows()).containsExactly("ms2/ms2.srv1", "ms2/ms2.srv2", "ms2/Backend");
    }

    /** Ticks one server, chooses the action, applies it, and checks the banner the redirect brings. */
    private void apply(String proxy, String server, String action) {
        WebElement section = section(proxy);
        section.findElement(By.cssSelector("input[name=s][value='" + server + "']")).click();
        new Select(section.findElement(By.name("action"))).selectByValue(action);
        section.findElement(By.cssSelector("input[type=submit][value=Apply]")).click();
        await(10, d -> d.getCurrentUrl().endsWith(";st=DONE") ? true : null, action + " to be applied");
        // the page may still be replacing its DOM after the redirect: read the banner once it holds still
        String banner = await(10, d -> {
            String text = d.findElement(By.cssSelector("div.banner")).getText();
            return text.isEmpty() ? null : text;
        }, "the result banner");
        assertThat(banner).contains("Action processed successfully.");
    }

    /** "proxy/row" for every row the browser shows. */
    private List<String> shownRows() {
        List<String> shown = new ArrayList<>();
        for (WebElement section : driver.findElements(By.cssSelector("section.proxy"))) {
            for (WebElement tr : section.findElements(By.cssSelector("tbody tr"))) {
                if (tr.isDisplayed()) {
                    shown.add(section.getDomAttribute("data-proxy") + "/"
                            + tr.findElement(By.cssSelector("td.name")).getText());
                }
            }
        }
        return shown;
    }

    /** Which upstream answered each of {@code count} requests to {@code path} through the frontend. */
    private List<String> answers(String path, int count) throws Exception {
        Pattern hello = Pattern.compile("Hello! This is (\\S+)!");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Matcher m = hello.matcher(Http.get(frontend + path).body());
            assertThat(m.find()).isTrue();
            names.add(m.group(1));
        }
        return names;
    }

    /** The status column of a server's line in the CSV export. */
    private String csvStatus(String proxy, String server) throws Exception {
        List<String> lines = Http.get(page + ";csv", "admin", "admin").body().lines().toList();
        List<String> header = Arrays.asList(lines.get(0).substring(2).split(","));
        String[] line = lines.stream().filter(l -> l.startsWith(proxy + "," + server + ","))
                .findFirst().orElseThrow().split(",", -1);
        return line[header.indexOf("status")];
    }

    private WebElement section(String proxy) {
        return driver.findElement(By.cssSelector("section.proxy[data-proxy='" + proxy + "']"));
    }

    private WebElement row(String proxy, String label) {
        // textContent rather than getText(): a row the filter hides still has its name
        return section(proxy).findElements(By.cssSelector("tbody tr")).stream()
                .filter(tr -> label.equals(tr.findElement(By.cssSelector("td.name")).getDomProperty("textContent")))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label + " in " + proxy));
    }

    private String cell(String proxy, String label, String field) {
        return (String) js(CELL_SCRIPT, proxy, label, field);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Polls {@code condition} (non-null, non-false = done) for at most {@code seconds}. */
    private <T> T await(int seconds, Function<WebDriver, T> condition, String what) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100))
                .withMessage(() -> "waited " + seconds + " s for " + what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    private void screenshot(String step) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(String.format("browser-%02d-%s.png", ++shots, step)), png);
    }

    /** The local chromium through the local chromedriver: never Selenium Manager, never a download. */
    private static WebDriver startBrowser(Path profile) throws Exception {
        CDP_VERSIONS.setLevel(Level.SEVERE);
        for (String program : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(Path.of(program))) {
                fail(program + " is missing: install Debian's chromium and chromium-driver (bin/test does, as root)");
            }
        }
        // an explicit driver (property and service) and binary leave Selenium Manager nothing to find
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1600,1800",
                "--user-data-dir=" + profile);
        try {
            return new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            throw new AssertionError("chromium did not start through " + DRIVER + ": " + e.getMessage(), e);
        }
    }

    /** examples/demo.cfg with its binds and servers moved to free ports and its run/ files into the temp dir. */
    private String demoOnFreePorts(int frontendPort, int statsPort) throws Exception {
        String demo;
        try (InputStream in = RunCommand.class.getResourceAsStream("demo.cfg")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> servers = new HashMap<>();
        upstreams.upstreams().forEach(u -> servers.put(u.name(), RunCommand.hostPort(u.address())));
        StringBuilder cfg = new StringBuilder();
        Pattern server = Pattern.compile("^(\\s+server (\\S+) )\\S+(.*)$");
        for (String line : demo.split("\n", -1)) {
            Matcher m = server.matcher(line);
            if (m.matches()) {
                assertThat(servers).as("upstream for %s", m.group(2)).containsKey(m.group(2));
                line = m.group(1) + servers.get(m.group(2)) + m.group(3);
            }
            line = line.replace("bind 127.0.0.1:9001", "bind 127.0.0.1:" + frontendPort)
                    .replace("bind 127.0.0.1:1080", "bind 127.0.0.1:" + statsPort)
                    .replace(" run/", " " + dir + "/");
            cfg.append(line).append('\n');
        }
        assertThat(cfg).contains("bind 127.0.0.1:" + frontendPort, "bind 127.0.0.1:" + statsPort);
        return cfg.toString();
    }
}
