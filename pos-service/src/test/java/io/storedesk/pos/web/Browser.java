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
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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

    /** Sizes the window so that the page itself (the viewport) is width x height CSS pixels. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        long w = (Long) driver.executeScript("return window.innerWidth");
        long h = (Long) driver.executeScript("return window.innerHeight");
        if (w != width || h != height) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(
                    (int) (2L * width - w), (int) (2L * height - h)));
        }
    }

    /** Every request of the page takes {@code latency} longer, as over a slow shop network. */
    void slowNetwork(Duration latency) {
        driver.setNetworkConditions(new org.openqa.selenium.chromium.ChromiumNetworkConditions().setLatency(latency));
    }

    /** The browser's own time zone, as a clerk's tablet set to another zone than the store's. */
    void timezone(String zoneId) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", zoneId));
    }

    /**
     * Whether the element's children sit side by side on one line: every visible child starts at
     * the same height and the element is no taller than its tallest child plus its padding.
     */
    boolean oneLine(By by) {
        return (Boolean) driver.executeScript("""
                const e = arguments[0], st = getComputedStyle(e);
                const kids = Array.from(e.querySelectorAll(':scope > *, :scope > nav > *'))
                    .filter(k => k.getClientRects().length > 0 && getComputedStyle(k).position !== 'absolute');
                const tops = kids.map(k => k.getBoundingClientRect()), tallest = Math.max(...tops.map(r => r.height));
                const inner = e.getBoundingClientRect().height - parseFloat(st.paddingTop) - parseFloat(st.paddingBottom)
                    - parseFloat(st.borderTopWidth) - parseFloat(st.borderBottomWidth);
                return inner <= tallest + 1 && tops.every(r => Math.abs((r.top + r.bottom) / 2 - (tops[0].top + tops[0].bottom) / 2) <= 2);""",
                find(by));
    }

    /** What overlaps in the element: pairs of its visible children (and their links) whose boxes intersect, or that stick out of the viewport. */
    @SuppressWarnings("unchecked")
    List<String> overlaps(By by) {
        return (List<String>) driver.executeScript("""
                const kids = Array.from(arguments[0].querySelectorAll(':scope > *:not(nav), :scope > nav > *'))
                    .filter(k => k.getClientRects().length > 0 && getComputedStyle(k).position !== 'absolute');
                const name = k => k.tagName + ' "' + k.textContent.trim().slice(0, 20) + '"', out = [];
                kids.forEach((a, i) => {
                  const r = a.getBoundingClientRect();
                  if (r.left < 0 || r.right > document.documentElement.clientWidth) out.push('outside: ' + name(a));
                  kids.slice(i + 1).forEach(b => {
                    const q = b.getBoundingClientRect();
                    if (r.left < q.right - 0.5 && q.left < r.right - 0.5 && r.top < q.bottom - 0.5 && q.top < r.bottom - 0.5)
                      out.push(name(a) + ' over ' + name(b));
                  });
                });
                return out;""", find(by));
    }

    /** Runs a script in the page and returns its result. */
    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Whether the clerk sees the element: the point at its middle shows it (not clipped, scrolled away or covered). */
    boolean seen(By by) {
        return (Boolean) driver.executeScript("""
                const e = arguments[0], r = e.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
                return hit !== null && (hit === e || e.contains(hit));""", find(by));
    }

    /** Whether the element is wholly inside the viewport, as the clerk sees the page without scrolling. */
    boolean inViewport(By by) {
        return fresh(by, e -> (Boolean) driver.executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return r.height > 0 && r.top >= 0 && r.left >= 0
                    && r.bottom <= window.innerHeight && r.right <= window.innerWidth;""", e));
    }

    /** An attribute of what {@code by} finds once it is shown, finding it again if the page redrew it in between. */
    String attribute(By by, String name) {
        return fresh(by, e -> e.getAttribute(name));
    }

    /** Reads what {@code by} finds once shown; a page that redraws the element in between (a re-rendered basket) is read again. */
    private <T> T fresh(By by, Function<WebElement, T> read) {
        return waitUntil(d -> {   // an Optional ends the wait even for a false or absent value
            try {
                WebElement e = d.findElement(by);
                return e.isDisplayed() ? java.util.Optional.ofNullable(read.apply(e)) : null;
            } catch (StaleElementReferenceException | NoSuchElementException redrawn) {
                return null;
            }
        }).orElse(null);
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

    /** Clicks what {@code by} finds once it is shown, finding it again if the page redrew it in between. */
    void click(By by) {
        waitUntil(d -> {
            try {
                WebElement e = d.findElement(by);
                if (!e.isDisplayed()) {
                    return false;
                }
                e.click();
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException redrawn) {
                return false;
            }
        });
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
            // a page that replaces the element being looked at (a form making way for its result) is looked at again
            return new WebDriverWait(driver, Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timeout-" + System.currentTimeMillis());
            throw e;
        }
    }

    void waitForText(By by, String part) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(by, part));
    }

    /**
     * What a page breaks of WCAG 2.1 AA text contrast (4.5:1, 3:1 for large text) and of the 44 px
     * touch targets, for every visible element; empty when all is well.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() {
        return (List<String>) driver.executeScript("""
                const problems = [];
                const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
                const lum = ([r, g, b]) => {
                  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
                };
                const background = el => {
                  for (let e = el; e; e = e.parentElement) {
                    const c = rgb(getComputedStyle(e).backgroundColor);
                    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
                  }
                  return [255, 255, 255];
                };
                const visible = el => el.offsetParent !== null && el.getClientRects().length > 0;
                for (const el of document.querySelectorAll('body *')) {
                  if (!visible(el)) continue;
                  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
                  if (own) {
                    const st = getComputedStyle(el);
                    const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
                    const large = size >= 24 || (bold && size >= 18.66);
                    const a = lum(rgb(st.color).slice(0, 3)), b = lum(background(el));
                    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                    if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ': ' + el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '"');
                  }
                  if (el.matches('button, select, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), header a, .button, label.choice')) {
                    const r = el.getBoundingClientRect();
                    if (r.height < 43.5) problems.push('target ' + Math.round(r.height) + 'px: ' + el.tagName + ' ' + (el.id || el.textContent.trim().slice(0, 20)));
                  }
                }
                return problems;
                """);
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

    /** The digits of a text, e.g. "5,97 €" -> "597": amounts compared whatever the language's format. */
    static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }
}
