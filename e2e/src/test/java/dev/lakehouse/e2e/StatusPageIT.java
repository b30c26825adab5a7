package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import dev.lakehouse.e2e.support.TempDirs;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code /status} in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, driven by Selenium): it lists the seven daemons, refreshes itself,
 * and shows a killed daemon red at the next refresh. Screenshots go to {@code target/}.
 * Without a browser the test is skipped on a developer's machine and fails under CI.
 */
class StatusPageIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The gateway's default refresh interval ({@code lakehouse.gateway.status.refresh-interval}). */
    static final Duration REFRESH = Duration.ofSeconds(5);
    static final String VICTIM = "replayd";

    private static ChromeDriver browser;
    private static Path profile;
    private final Suite suite = SharedSuite.get();

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs Chromium and its driver: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "no Chromium at " + CHROMIUM + " (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("lakehouse-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1400,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // The key goes in a header on every request of this browser, as a reverse proxy or extension would add it.
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Bearer " + Suite.TEST_API_KEY)));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            TempDirs.deleteQuietly(profile);
        }
    }

    @Test
    void pageShowsAllSevenDaemonsAndAKilledOneTurnsRedWithinOneRefresh() {
        browser.get(suite.gateway().resolve("/status").toString());

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(healthByDaemon()).containsExactlyEntriesOf(allUp()));
        assertThat(browser.getTitle()).startsWith("Lakehouse status");
        assertThat(browser.findElement(By.id("breakers")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("lake")).getText()).contains("free on disk");
        screenshot("status-page.png");

        try {
            suite.kill(VICTIM);
            long killedAt = System.currentTimeMillis();

            await().atMost(REFRESH.plusSeconds(10)).ignoreExceptions().until(() -> renderedAt() > killedAt);
            long firstRenderAfterKill = System.currentTimeMillis() - killedAt;

            WebElement row = browser.findElement(By.cssSelector("tr[data-daemon='" + VICTIM + "']"));
            assertThat(row.getAttribute("data-health")).isEqualTo("DOWN");
            assertThat(row.getAttribute("class")).isEqualTo("down");
            assertThat(row.findElement(By.cssSelector("td.health")).getCssValue("color")).isEqualTo("rgba(197, 34, 31, 1)");
            assertThat(browser.findElement(By.id("overall")).getText()).isEqualTo("DEGRADED");
            assertThat(Duration.ofMillis(firstRenderAfterKill)).isLessThanOrEqualTo(REFRESH.plusSeconds(5));
            screenshot("status-page-daemon-down.png");
        } finally {
            suite.restart(VICTIM);
        }
    }

    private static Map<String, String> healthByDaemon() {
        Map<String, String> health = new java.util.LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#daemons tr[data-daemon]"))) {
            health.put(row.getAttribute("data-daemon"), row.getAttribute("data-health"));
        }
        return health;
    }

    private static Map<String, String> allUp() {
        Map<String, String> up = new java.util.LinkedHashMap<>();
        List.copyOf(Suite.DAEMONS).forEach(daemon -> up.put(daemon, "UP"));
        return up;
    }

    private static long renderedAt() {
        return Long.parseLong(browser.findElement(By.tagName("body")).getAttribute("data-rendered-at"));
    }

    private static void screenshot(String name) {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Path target = Path.of("target", name);
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
