package io.storedesk.pos.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: never a downloaded browser
 * (the driver path is explicit, so Selenium Manager never runs). A missing browser fails the
 * tests: CI must not pass without them.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(int port) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver (.ci/packages)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            profile = Files.createTempDirectory("pos-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        base = "http://localhost:" + port;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    void signIn(String user) {
        open("/login");
        type(By.id("username"), user);
        type(By.id("password"), user);
        driver.findElement(By.id("sign-in")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    }

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    WebElement find(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void type(By by, String text) {
        WebElement e = find(by);
        e.clear();
        e.sendKeys(text);
    }

    /** Types into whatever holds the focus, as a scanner or a keyboard would. */
    void keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    void enter(By by, String text) {
        type(by, text);
        driver.findElement(by).sendKeys(Keys.ENTER);
    }

    String text(By by) {
        return find(by).getText();
    }

    /** The element's text whether or not it is shown (an empty error line is hidden). */
    String content(By by) {
        return driver.findElement(by).getAttribute("textContent").strip();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timeout-" + System.currentTimeMillis());
            throw e;
        }
    }

    void waitForText(By by, String part) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(by, part));
    }

    /** Saves a screenshot as pos-service/target/screenshots/NAME.png. */
    Path screenshot(String name) {
        Path dir = Files.isDirectory(Path.of("pos-service")) ? Path.of("pos-service/target/screenshots")
                : Path.of("target/screenshots");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
