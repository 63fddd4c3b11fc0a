package io.github.eidvn.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import io.github.eidvn.examples.desk.SampleCodes.Kind;
import io.github.eidvn.testing.Ci;

/**
 * The reception desk in a real browser: Debian's {@code chromium} driven by {@code chromium-driver} (headless). A
 * scanner in keyboard-wedge mode is the text typed into the focused box followed by Enter; a photo is a PNG
 * uploaded through the file input; the webcam is Chromium's fake camera playing a video of a QR code. Screenshots go
 * to {@code target/screenshots/}.
 *
 * <p>Skipped with a message when Chromium or its driver is missing, unless {@code CI=true} (then it fails).
 * Selenium Manager is never used: the driver and browser paths are given.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("eid.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("eid.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String GREEN = "rgba(27, 127, 59, 1)";
    private static final String AMBER = "rgba(240, 165, 0, 1)";
    private static final String RED = "rgba(198, 40, 40, 1)";

    private static DeskFixture desk;
    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path work;
    private static String validText;

    @BeforeAll
    static void start() throws IOException {
        Ci.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "DeskBrowserTest: " + CHROMIUM
                + " or " + CHROMEDRIVER + " is missing (Debian: apt-get install chromium chromium-driver)");
        desk = DeskFixture.sandbox();
        Files.createDirectories(SCREENSHOTS);
        work = Files.createDirectories(Path.of("target", "desk-browser"));
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path camera = work.resolve("camera-legacy-qr.y4m");
        writeY4m(camera, desk.samples.issue(Kind.LEGACY_CHIP_CARD).png());

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1200", "--lang=vi",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + camera.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        driver.get(desk.server.uri().toString());
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (desk != null) {
            desk.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).filter(p -> p.getFileName().toString()
                        .startsWith("chromium-profile-") || p.toString().contains("chromium-profile-"))
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A YUV4MPEG2 video (one 640x480 frame, looped by Chromium) of a QR image on white, for the fake camera.
     */
    private static void writeY4m(Path file, byte[] png) throws IOException {
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(png));
        int w = 640;
        int h = 480;
        int side = 440;
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        byte[] y = new byte[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int v = 235;
                if (col >= x0 && col < x0 + side && row >= y0 && row < y0 + side) {
                    int sx = (col - x0) * qr.getWidth() / side;
                    int sy = (row - y0) * qr.getHeight() / side;
                    v = (qr.getRGB(sx, sy) & 0xFF) < 128 ? 16 : 235;
                }
                y[row * w + col] = (byte) v;
            }
        }
        byte[] chroma = new byte[(w / 2) * (h / 2)];
        java.util.Arrays.fill(chroma, (byte) 128);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1\n").getBytes(StandardCharsets.US_ASCII));
            out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.write(y);
            out.write(chroma);
            out.write(chroma);
        }
    }

    private static void waitFor(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Waits for the decision panel to show a decision, and returns the panel. */
    private static WebElement decision(String expected) {
        waitFor("decision " + expected, () -> {
            String d = byId("result").getAttribute("data-decision");
            return d != null && !d.isEmpty() && !d.equals("PENDING");
        });
        WebElement result = byId("result");
        assertThat(result.getAttribute("data-decision")).as(result.getText()).isEqualTo(expected);
        return result;
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static void assertScanBoxHasFocus() {
        waitFor("focus on the scan box", () -> "scan".equals(driver.switchTo().activeElement().getAttribute("id")));
    }

    /** A fresh code from the page's sandbox section, as its text. */
    private static String sampleFromPage(String kind) {
        String before = byId("sample-text").getAttribute("value");
        driver.findElement(By.cssSelector("button[data-sample='" + kind + "']")).click();
        waitFor("sample " + kind, () -> {
            String v = byId("sample-text").getAttribute("value");
            return v != null && !v.isEmpty() && !v.equals(before) && kind.equals(byId("sample")
                    .getAttribute("data-kind"));
        });
        assertThat(byId("sample-img").getAttribute("src")).startsWith("data:image/png;base64,");
        return byId("sample-text").getAttribute("value");
    }

    @Test
    @Order(1)
    void page_vietnameseByDefault_scanBoxFocused_sandboxMarked() {
        assertThat(driver.getTitle()).isEqualTo("Quầy tiếp đón — kiểm tra thẻ BHYT");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertScanBoxHasFocus();
        waitFor("sandbox section", () -> byId("sandbox").isDisplayed());
        assertThat(byId("sandbox").getText()).contains("SANDBOX", "dữ liệu giả");
        assertThat(byId("result-title").getText()).isEqualTo("Đang chờ quét mã…");
        waitFor("facility", () -> byId("facility").getText().contains("79024"));
    }

    @Test
    @Order(2)
    void scannerTypesAValidCode_greenValidWithPatientAndCard() throws IOException {
        validText = sampleFromPage("valid");
        assertScanBoxHasFocus();
        // the handheld scanner in keyboard-wedge mode: the code's text, then Enter
        driver.switchTo().activeElement().sendKeys(validText + Keys.ENTER);
        WebElement result = decision("VALID");
        assertThat(result.getCssValue("background-color")).isEqualTo(GREEN);
        assertThat(byId("result-title").getText()).isEqualTo("HỢP LỆ");
        assertThat(byId("result-message").getText()).contains("Thẻ BHYT còn hiệu lực", "Mức hưởng 4");
        assertThat(byId("result-fields").getText()).contains("Nguyễn Thị Minh Khai", "17/05/2003", "Nữ",
                "079******345", "Mức 2", "HS4790120878811", "từ 01/01/2026 đến 31/12/2026", "4 (mức hưởng cơ bản 80%)", "79024");
        assertThat(byId("result-fields").getText()).doesNotContain("079303012345");
        assertThat(byId("result-unverified").isDisplayed()).isFalse();
        assertThat(byId("scan").getAttribute("value")).isEmpty();
        assertScanBoxHasFocus();
        screenshot("valid");
        byId("lang-toggle").click();
        waitFor("English", () -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(byId("result-fields").getText()).contains("4 (base rate 80%)");
        byId("lang-toggle").click();
        waitFor("Vietnamese", () -> "vi".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    @Order(3)
    void uploadOfTheChipCardQrPng_cardFoundByNumber_greenButComparePhoto_otherFacility() throws IOException {
        Path png = work.resolve("chip-card-qr.png");
        Files.write(png, desk.samples.issue(Kind.LEGACY_CHIP_CARD).png());
        byId("upload").sendKeys(png.toAbsolutePath().toString());
        WebElement result = decision("VALID");
        assertThat(result.getCssValue("background-color")).isEqualTo(GREEN);
        assertThat(result.getAttribute("data-status")).isEqualTo("VALID_IDENTITY_UNVERIFIED");
        assertThat(byId("result-title").getText()).isEqualTo("HỢP LỆ — ĐỐI CHIẾU ẢNH");
        assertThat(byId("result-unverified").isDisplayed()).isTrue();
        assertThat(byId("result-unverified").getText())
                .isEqualTo("DANH TÍNH CHƯA XÁC THỰC — ĐỐI CHIẾU ẢNH TRÊN THẺ CĂN CƯỚC");
        assertThat(byId("result-message").getText()).contains("Tra cứu theo số định danh cá nhân",
                "đối chiếu ảnh trên thẻ căn cước với người bệnh");
        assertThat(byId("result-notices").getText()).contains("Đối chiếu ảnh trên thẻ căn cước với người bệnh.",
                "cơ sở khác");
        assertThat(byId("result-fields").getText()).contains("Trần Văn Đức", "001******234", "DN4010123456789",
                "01001");
        assertScanBoxHasFocus();
        screenshot("valid-compare-photo");
    }

    @Test
    @Order(4)
    void chipCardQrWithoutACard_amberCheckManually_931Fallback_inBothLanguages() throws IOException {
        sampleFromPage("legacy-no-card");
        byId("sample-send").click();
        WebElement result = decision("CHECK_MANUALLY");
        assertThat(result.getCssValue("background-color")).isEqualTo(AMBER);
        assertThat(result.getAttribute("data-status")).isEqualTo("NO_VALID_CARD");
        assertThat(byId("result-title").getText()).isEqualTo("KIỂM TRA THỦ CÔNG");
        assertThat(byId("result-unverified").getText()).isEqualTo("DỮ LIỆU CHƯA XÁC THỰC");
        assertThat(byId("result-message").getText()).contains("Không tìm thấy thẻ BHYT còn giá trị sử dụng",
                "931/BYT-BH", "giấy tờ tùy thân có ảnh");
        assertThat(byId("result-code").getText()).contains("NO_VALID_CARD");
        screenshot("check-manually-no-card");
        byId("lang-toggle").click();
        waitFor("English", () -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(byId("result-title").getText()).isEqualTo("CHECK MANUALLY");
        assertThat(byId("result-message").getText()).contains("No health-insurance card valid today",
                "explain this to the patient", "photo ID");
        screenshot("check-manually-no-card-english");
        byId("lang-toggle").click();
        waitFor("Vietnamese", () -> "vi".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    @Order(5)
    void uploadOfAnExpiredCardPng_redWithTheReason() throws IOException {
        Path png = work.resolve("expired-card-qr.png");
        Files.write(png, desk.samples.issue(Kind.EXPIRED_CARD).png());
        byId("upload").sendKeys(png.toAbsolutePath().toString());
        WebElement result = decision("REJECTED");
        assertThat(result.getCssValue("background-color")).isEqualTo(RED);
        assertThat(byId("result-title").getText()).isEqualTo("KHÔNG CHẤP NHẬN");
        assertThat(byId("result-message").getText()).contains("Thẻ BHYT đã hết hạn", "31/12/2025");
        assertThat(byId("result-code").getText()).contains("CARD_EXPIRED");
        assertThat(byId("result-fields").getText()).contains("Phạm Văn Bình", "HT3790160007777");
        screenshot("rejected-expired-card");
    }

    @Test
    @Order(6)
    void scannerTypesTheSameCodeAgain_redReplayed_thenAlteredCode_redBadSignature() throws IOException {
        assertScanBoxHasFocus();
        driver.switchTo().activeElement().sendKeys(validText + Keys.ENTER);
        WebElement result = decision("REJECTED");
        assertThat(result.getCssValue("background-color")).isEqualTo(RED);
        assertThat(byId("result-message").getText()).contains("Mã này đã được sử dụng");
        assertThat(byId("result-code").getText()).contains("REPLAYED");
        assertThat(byId("result-fields").getText()).isEmpty();
        screenshot("rejected-replayed");

        String altered = sampleFromPage("tampered");
        assertScanBoxHasFocus();
        driver.switchTo().activeElement().sendKeys(altered + Keys.ENTER);
        waitFor("bad signature", () -> byId("result-code").getText().contains("BAD_SIGNATURE"));
        assertThat(decision("REJECTED").getCssValue("background-color")).isEqualTo(RED);
        assertThat(byId("result-message").getText()).contains("Chữ ký số không hợp lệ");
        screenshot("rejected-bad-signature");
    }

    @Test
    @Order(7)
    void englishToggle_translatesThePageAndTheDecision() throws IOException {
        byId("lang-toggle").click();
        waitFor("English", () -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(byId("result-title").getText()).isEqualTo("REJECTED");
        assertThat(byId("result-message").getText()).contains("The digital signature is invalid");
        assertThat(byId("lang-toggle").getText()).isEqualTo("Tiếng Việt");
        assertThat(byId("sample-label").getText()).isEqualTo("Code with one digit altered");
        assertThat(driver.findElement(By.cssSelector("label[for='scan']")).getText())
                .isEqualTo("Scan the patient's QR code with the handheld scanner");
        assertScanBoxHasFocus();
        screenshot("rejected-english");
        byId("lang-toggle").click();
        waitFor("Vietnamese", () -> "vi".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(byId("result-title").getText()).isEqualTo("KHÔNG CHẤP NHẬN");
    }

    @Test
    @Order(8)
    void webcamCapture_canvasPngPosted_decided() throws IOException {
        assertThat(byId("camera").isDisplayed()).isTrue();
        byId("camera-start").click();
        waitFor("camera frames", () -> {
            Object w = driver.executeScript("return document.getElementById('camera-video').videoWidth;");
            return w instanceof Number && ((Number) w).intValue() > 0;
        });
        byId("camera-capture").click();
        WebElement result = decision("VALID");
        assertThat(result.getCssValue("background-color")).isEqualTo(GREEN);
        assertThat(byId("result-unverified").isDisplayed()).isTrue();
        assertThat(byId("result-fields").getText()).contains("Trần Văn Đức");
        screenshot("valid-compare-photo-webcam");
        byId("camera-stop").click();
        waitFor("camera off", () -> !byId("camera-video").isDisplayed());
    }

    @Test
    @Order(9)
    void noContentSecurityPolicyViolationsOrScriptErrors() {
        // the browser log is read for real: a probe written now must be in it
        driver.executeScript("console.error('eid-log-probe');");
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        String log = entries.stream().map(LogEntry::toString).collect(Collectors.joining("\n"));
        assertThat(log).contains("eid-log-probe");
        assertThat(log).doesNotContain("Content Security Policy", "Content-Security-Policy", "Uncaught",
                "Refused to");
    }
}
