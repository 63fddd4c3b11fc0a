package io.github.eidvn.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.eidvn.examples.desk.SampleCodes.Kind;

class DeskServerTest {

    private static DeskFixture desk;

    @BeforeAll
    static void start() {
        desk = DeskFixture.sandbox();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static void assertSecurityHeaders(HttpResponse<String> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                "img-src 'self' data: blob:", "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static JsonNode decision(HttpResponse<String> r, int status, String decision, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertSecurityHeaders(r);
        JsonNode j = desk.json(r);
        assertThat(j.get("decision").asText()).as(r.body()).isEqualTo(decision);
        if (reason == null) {
            assertThat(j.get("reason").isNull()).as(r.body()).isTrue();
        } else {
            assertThat(j.get("reason").asText()).as(r.body()).isEqualTo(reason);
        }
        assertThat(r.body()).doesNotContain("\tat ", "at io.github", "Caused by", ".java:");
        return j;
    }

    @Test
    void page_isVietnameseFirst_scriptAndStyleOnlyFromFiles_securityHeaders() {
        HttpResponse<String> page = desk.request("GET", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertSecurityHeaders(page);
        String html = page.body();
        assertThat(html).contains("<html lang=\"vi\">", "Quầy tiếp đón", "id=\"scan\"", "autofocus",
                "type=\"file\"", "accept=\"image/png,image/jpeg\"", "<script src=\"/desk.js\" defer></script>",
                "id=\"lang-toggle\"", "SANDBOX");
        // no inline script, no inline event handler, no inline style: the CSP can forbid them all
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
        assertThat(Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();

        HttpResponse<String> js = desk.request("GET", "/desk.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertSecurityHeaders(js);
        assertThat(js.body()).contains("'use strict'", "/api/check", "getUserMedia", "toBlob", "image/png")
                .doesNotContain("innerHTML", "eval(", "document.write");
        HttpResponse<String> css = desk.request("GET", "/desk.css");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");

        HttpResponse<String> head = desk.request("HEAD", "/");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(desk.request("DELETE", "/").statusCode()).isEqualTo(405);
        assertThat(desk.request("GET", "/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(desk.request("GET", "/io/github/eidvn/examples/desk/index.html").statusCode()).isEqualTo(404);
        HttpResponse<String> apiMissing = desk.request("GET", "/api/nothing");
        assertThat(apiMissing.statusCode()).isEqualTo(404);
        assertThat(desk.json(apiMissing).get("error").asText()).isNotBlank();
    }

    @Test
    void config_saysSandboxAndLimits() {
        HttpResponse<String> r = desk.request("GET", "/api/config");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = desk.json(r);
        assertThat(j.get("sandbox").asBoolean()).isTrue();
        assertThat(j.get("facility").asText()).isEqualTo("79024");
        assertThat(j.get("max_text_chars").asInt()).isEqualTo(8000);
        assertThat(j.get("max_image_bytes").asInt()).isEqualTo(5 * 1024 * 1024);
    }

    @Test
    void scannedText_valid_thenReplayed() {
        String text = desk.samples.issue(Kind.VALID).text();
        JsonNode valid = decision(desk.check(text + "\r\n"), 200, "VALID", null);
        assertThat(valid.at("/patient/name").asText()).isEqualTo("Nguyễn Thị Minh Khai");
        assertThat(valid.at("/patient/birthdate").asText()).isEqualTo("2003-05-17");
        assertThat(valid.at("/patient/gender").asText()).isEqualTo("female");
        assertThat(valid.at("/patient/personal_number").asText()).isEqualTo("079******345");
        assertThat(valid.at("/patient/assurance_level").asInt()).isEqualTo(2);
        assertThat(valid.at("/insurance/number").asText()).isEqualTo("HS4790120878811");
        assertThat(valid.at("/insurance/valid_to").asText()).isEqualTo("2026-12-31");
        assertThat(valid.at("/insurance/benefit_level").asInt()).isEqualTo(4);
        assertThat(valid.at("/insurance/base_coverage_percent").asInt()).isEqualTo(80);
        assertThat(valid.at("/insurance/coverage_percent").asInt()).as("deprecated name, kept one release")
                .isEqualTo(80);
        assertThat(valid.at("/message/vi").asText()).contains("còn hiệu lực");
        assertThat(valid.at("/message/en").asText()).contains("valid");

        JsonNode replay = decision(desk.check(text), 200, "REJECTED", "REPLAYED");
        assertThat(replay.get("patient").isNull()).isTrue();
        assertThat(replay.at("/message/vi").asText()).contains("đã được sử dụng");
    }

    @Test
    void photos_pngAndJpeg_areDecodedAndChecked() throws IOException {
        decision(desk.check(desk.samples.issue(Kind.VALID).png(), "image/png"), 200, "VALID", null);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(desk.samples.issue(Kind.LEGACY_CHIP_CARD).png()));
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(img, 0, 0, null);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        assertThat(ImageIO.write(rgb, "jpeg", jpeg)).isTrue();
        JsonNode byLookup = decision(desk.check(jpeg.toByteArray(), "image/jpeg"), 200, "VALID", null);
        assertThat(byLookup.get("status").asText()).isEqualTo("VALID_IDENTITY_UNVERIFIED");
        assertThat(byLookup.at("/patient/verified").asBoolean()).isFalse();
        assertThat(byLookup.at("/patient/name").asText()).isEqualTo("Trần Văn Đức");
        assertThat(byLookup.at("/insurance/number").asText()).isEqualTo("DN4010123456789");
        assertThat(byLookup.at("/message/vi").asText()).contains("đối chiếu ảnh trên thẻ căn cước");
        // a PNG that holds no QR code, and bytes that are not what the type says
        decision(desk.check(blankPng(), "image/png"), 200, "REJECTED", "NOT_FOUND");
        decision(desk.check(jpeg.toByteArray(), "image/png"), 200, "REJECTED", "UNREADABLE_IMAGE");
        decision(desk.check(desk.samples.issue(Kind.VALID).png(), "image/jpeg"), 200, "REJECTED", "UNREADABLE_IMAGE");
    }

    private static byte[] blankPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }

    @Test
    void redDecisions_expiredCard_badSignature_expiredQr() {
        JsonNode card = decision(desk.check(desk.samples.issue(Kind.EXPIRED_CARD).text()), 200, "REJECTED",
                "CARD_EXPIRED");
        assertThat(card.get("status").asText()).isEqualTo("CARD_EXPIRED");
        assertThat(card.at("/patient/name").asText()).isEqualTo("Phạm Văn Bình");
        assertThat(card.at("/insurance/valid_to").asText()).isEqualTo("2025-12-31");
        assertThat(card.at("/message/vi").asText()).contains("hết hạn");

        decision(desk.check(desk.samples.issue(Kind.TAMPERED).text()), 200, "REJECTED", "BAD_SIGNATURE");

        String later = desk.samples.issue(Kind.VALID).text();
        desk.clock.advance(Duration.ofMinutes(11));
        try {
            decision(desk.check(later), 200, "REJECTED", "EXPIRED");
        } finally {
            desk.clock.advance(Duration.ofMinutes(-11));
        }
        decision(desk.check("xin chào"), 200, "REJECTED", "MALFORMED");
        decision(desk.check(""), 200, "REJECTED", "MALFORMED");
    }

    @Test
    void sizeLimits_413WithAJsonDecision() {
        decision(desk.check("9".repeat(8000)), 200, "REJECTED", "MALFORMED");
        decision(desk.check("9".repeat(8001)), 413, "REJECTED", "TOO_LARGE");
        decision(desk.check("ễ".repeat(8001)), 413, "REJECTED", "TOO_LARGE"); // 3 bytes each: within the byte cap
        decision(desk.check("9".repeat(200_000)), 413, "REJECTED", "TOO_LARGE");
        byte[] big = new byte[DeskServer.MAX_IMAGE_BYTES + 1];
        big[0] = (byte) 0x89;
        JsonNode j = decision(desk.check(big, "image/png"), 413, "REJECTED", "IMAGE_TOO_LARGE");
        assertThat(j.get("status").asText()).isEqualTo("UNREADABLE");
        assertThat(j.at("/message/vi").asText()).isEqualTo("Ảnh quá lớn.");
    }

    @Test
    void wrongContentTypeOrMethod_415And405WithAJsonDecision() {
        byte[] body = "841".getBytes(StandardCharsets.US_ASCII);
        for (String type : new String[] {"application/json", "text/html", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "image/gif", "image/svg+xml", "text/plain; charset=iso-8859-1"}) {
            decision(desk.post("/api/check", type, body), 415, "REJECTED", "MALFORMED");
        }
        decision(desk.post("/api/check", null, body), 415, "REJECTED", "MALFORMED");
        decision(desk.post("/api/check", "TEXT/PLAIN; Charset=\"UTF-8\"", body), 200, "REJECTED", "MALFORMED");
        for (String method : new String[] {"GET", "PUT", "DELETE", "HEAD"}) {
            HttpResponse<String> r = desk.request(method, "/api/check");
            assertThat(r.statusCode()).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).hasValue("POST");
            if (!method.equals("HEAD")) {
                decision(r, 405, "REJECTED", "MALFORMED");
            }
        }
        // bytes that are not UTF-8
        decision(desk.post("/api/check", "text/plain", new byte[] {(byte) 0xC3, (byte) 0x28, '8', '4'}), 200,
                "REJECTED", "MALFORMED");
    }

    @Test
    void crossSitePostsRefused_sameOriginAndNonBrowserClientsAccepted() {
        byte[] body = "1".getBytes(StandardCharsets.US_ASCII);
        decision(desk.post("/api/check", "text/plain", body, "Origin", "http://evil.example"), 403, "REJECTED",
                "MALFORMED");
        decision(desk.post("/api/check", "text/plain", body, "Sec-Fetch-Site", "cross-site"), 403, "REJECTED",
                "MALFORMED");
        String self = "http://127.0.0.1:" + desk.server.address().getPort();
        decision(desk.post("/api/check", "text/plain", body, "Origin", self, "Sec-Fetch-Site", "same-origin"), 200,
                "REJECTED", "MALFORMED");
        assertThat(desk.post("/api/sample", "text/plain", "valid".getBytes(StandardCharsets.US_ASCII), "Origin",
                "http://evil.example").statusCode()).isEqualTo(403);
    }

    @Test
    void foreignHostHeader_refused_againstDnsRebinding() throws IOException {
        assertThat(rawGet("evil.example:" + desk.server.address().getPort())).startsWith("HTTP/1.1 421");
        assertThat(rawGet("localhost:" + desk.server.address().getPort())).startsWith("HTTP/1.1 200");
        assertThat(rawGet("127.0.0.1")).startsWith("HTTP/1.1 200");
    }

    private static String rawGet(String host) throws IOException {
        InetSocketAddress a = desk.server.address();
        try (Socket s = new Socket(a.getAddress(), a.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/config HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void samples_freshCodesOfEachKind_markedSandbox() {
        for (Kind k : Kind.values()) {
            HttpResponse<String> r = desk.post("/api/sample", "text/plain", k.slug().getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(200);
            assertSecurityHeaders(r);
            JsonNode j = desk.json(r);
            assertThat(j.get("sandbox").asBoolean()).isTrue();
            assertThat(j.get("kind").asText()).isEqualTo(k.slug());
            assertThat(j.get("text").asText()).isNotBlank();
            assertThat(j.get("png").asText()).startsWith("data:image/png;base64,iVBORw0KGgo");
            assertThat(j.at("/label/vi").asText()).isEqualTo(k.vietnamese());
        }
        assertThat(desk.post("/api/sample", "text/plain", "everything".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
        assertThat(desk.request("GET", "/api/sample").statusCode()).isEqualTo(405);
    }

    @Test
    void log_holdsDecisionAndMaskedNumberOnly() {
        String text = desk.samples.issue(Kind.VALID).text();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            decision(desk.check(text), 200, "VALID", null);
            decision(desk.check(desk.samples.issue(Kind.LEGACY_NO_CARD).text()), 200, "CHECK_MANUALLY",
                    "NO_VALID_CARD");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("check text: VALID - 079******345",
                "check text: CHECK_MANUALLY NO_VALID_CARD 046******111");
        assertThat(log).doesNotContain("Nguyễn", "Hồ Văn", "079303012345", "046090001111", "HS4790120878811",
                "2003-05-17", text.substring(0, 40));
    }

    @Test
    void parallelChecks_allAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String text = i % 2 == 0 ? "garbage " + i : "8419" + i;
                futures.add(pool.submit(() -> desk.check(text).statusCode()));
            }
            for (Future<Integer> f : futures) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withATrustedJwks_noSamples() throws Exception {
        ReceptionDesk.Options o = ReceptionDesk.parse(new String[] {"--jwks", jwksFile(), "--port", "0",
            "--facility", "79024"});
        try (DeskServer real = ReceptionDesk.start(o, desk.clock)) {
            assertThat(real.isSandbox()).isFalse();
            DeskFixture client = desk;
            HttpResponse<String> config = client.send(java.net.http.HttpRequest.newBuilder(
                    real.uri().resolve("/api/config")).build());
            assertThat(client.json(config).get("sandbox").asBoolean()).isFalse();
            HttpResponse<String> sample = client.send(java.net.http.HttpRequest.newBuilder(
                    real.uri().resolve("/api/sample")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("valid"))
                    .header("Content-Type", "text/plain").build());
            assertThat(sample.statusCode()).isEqualTo(404);
            // the desk trusts the file's key: the sandbox issuer of this test
            HttpResponse<String> check = client.send(java.net.http.HttpRequest.newBuilder(
                    real.uri().resolve("/api/check")).header("Content-Type", "text/plain")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(desk.samples.issue(Kind.VALID).text()))
                    .build());
            assertThat(client.json(check).get("decision").asText()).isEqualTo("VALID");
        }
    }

    private static String jwksFile() throws IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("desk-jwks", ".json");
        f.toFile().deleteOnExit();
        java.nio.file.Files.writeString(f, desk.samples.issuerJwks());
        return f.toString();
    }

    @Test
    void options_parsedStrictly() {
        ReceptionDesk.Options d = ReceptionDesk.parse(new String[0]);
        assertThat(d.jwks()).isEmpty();
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.bind()).isEqualTo("127.0.0.1");
        assertThat(d.facility()).isEqualTo("79024");
        assertThat(d.purpose()).isEqualTo("bhyt-checkin");
        assertThat(ReceptionDesk.parse(new String[] {"--help"})).isNull();
        ReceptionDesk.Options o = ReceptionDesk.parse(new String[] {"--allowed-host", "a", "--allowed-host", "b",
            "--threads", "2"});
        assertThat(o.allowedHosts()).containsExactly("a", "b");
        assertThat(o.threads()).isEqualTo(2);
        for (String[] bad : Arrays.asList(new String[] {"--port"}, new String[] {"--port", "x"},
                new String[] {"--port", "70000"},
                new String[] {"--nope", "1"}, new String[] {"--threads", "0"})) {
            assertThatThrownBy(() -> ReceptionDesk.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ReceptionDesk.USAGE).contains("--jwks", "SANDBOX", "ReceptionDesk", "--redis", "--lookup",
                "--lookup-url");
        ReceptionDesk.Options r = ReceptionDesk.parse(new String[] {"--redis", "redis://127.0.0.1:6379",
            "--lookup", "cards.json"});
        assertThat(r.redis()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(r.lookup()).isEqualTo("cards.json");
        for (String[] bad : Arrays.asList(new String[] {"--redis", "127.0.0.1:6379"},
                new String[] {"--lookup", "a.json", "--lookup-url", "https://gw.example/"},
                new String[] {"--facility", "79 024"})) {
            assertThatThrownBy(() -> ReceptionDesk.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void jwksUrl_mustBeHttpsExceptOnThisComputer() {
        ReceptionDesk.Options o = ReceptionDesk.parse(new String[] {"--jwks", "http://example.com/jwks.json"});
        assertThatThrownBy(() -> ReceptionDesk.start(o, desk.clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void jwks_repeatedPerIssuer_keysBoundToTheirIssuer() throws Exception {
        ReceptionDesk.Options o = ReceptionDesk.parse(new String[] {"--jwks", "https://other.example.vn=" + jwksFile(),
            "--jwks", "https://third.example.vn=" + jwksFile(), "--port", "0"});
        assertThat(o.jwks()).hasSize(2);
        try (DeskServer real = ReceptionDesk.start(o, desk.clock)) {
            // the sample issuer's key is trusted only for other issuer names: its own codes are refused
            HttpResponse<String> check = desk.send(java.net.http.HttpRequest.newBuilder(
                    real.uri().resolve("/api/check")).header("Content-Type", "text/plain")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(desk.samples.issue(Kind.VALID).text()))
                    .build());
            assertThat(desk.json(check).get("decision").asText()).isEqualTo("REJECTED");
            assertThat(desk.json(check).get("reason").asText()).isEqualTo("WRONG_ISSUER");
        }
        ReceptionDesk.Options mixed = ReceptionDesk.parse(new String[] {"--jwks", jwksFile(),
            "--jwks", "https://other.example.vn=" + jwksFile()});
        assertThatThrownBy(() -> ReceptionDesk.start(mixed, desk.clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bare JWKS");
    }

    @Test
    void builder_checkRequired_optionsOnce() {
        assertThatThrownBy(() -> DeskServer.builder().start()).isInstanceOf(IllegalStateException.class);
        DeskServer.Builder b = DeskServer.builder().threads(2);
        assertThatThrownBy(() -> b.threads(3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DeskServer.builder().threads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.allowedHost("host:80")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void chipCardQr_931Flow_cardFoundByNumberOrNot() {
        JsonNode found = decision(desk.check(desk.samples.issue(Kind.LEGACY_CHIP_CARD).text()), 200, "VALID", null);
        assertThat(found.get("status").asText()).isEqualTo("VALID_IDENTITY_UNVERIFIED");
        assertThat(found.at("/patient/verified").asBoolean()).isFalse();
        assertThat(found.at("/notices/0/code").asText()).isEqualTo("COMPARE_PHOTO");
        assertThat(found.at("/notices/1/code").asText()).isEqualTo("OTHER_FACILITY"); // registered at 01001
        JsonNode none = decision(desk.check(desk.samples.issue(Kind.LEGACY_NO_CARD).text()), 200, "CHECK_MANUALLY",
                "NO_VALID_CARD");
        assertThat(none.at("/message/vi").asText()).contains("931/BYT-BH", "giấy tờ tùy thân có ảnh");
        assertThat(none.get("insurance").isNull()).isTrue();
    }

    @Test
    void lookupDown_chipCardQr_checkManuallyNeverValid() throws Exception {
        java.nio.file.Path cards = java.nio.file.Files.createTempFile("desk-cards", ".json");
        cards.toFile().deleteOnExit();
        java.nio.file.Files.writeString(cards, "[]");
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ReceptionDesk.Options o = ReceptionDesk.parse(new String[] {"--port", "0", "--lookup-url",
            "http://127.0.0.1:" + closedPort + "/"});
        try (DeskServer down = ReceptionDesk.start(o, desk.clock)) {
            HttpResponse<String> r = desk.send(java.net.http.HttpRequest.newBuilder(down.uri().resolve("/api/check"))
                    .header("Content-Type", "text/plain")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            desk.samples.issue(Kind.LEGACY_CHIP_CARD).text())).build());
            JsonNode j = desk.json(r);
            assertThat(j.get("decision").asText()).isEqualTo("CHECK_MANUALLY");
            assertThat(j.get("reason").asText()).isEqualTo("LOOKUP_UNAVAILABLE");
        }
        ReceptionDesk.Options fromFile = ReceptionDesk.parse(new String[] {"--port", "0", "--lookup",
            cards.toString()});
        try (DeskServer empty = ReceptionDesk.start(fromFile, desk.clock)) {
            HttpResponse<String> r = desk.send(java.net.http.HttpRequest.newBuilder(empty.uri().resolve("/api/check"))
                    .header("Content-Type", "text/plain")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            desk.samples.issue(Kind.LEGACY_CHIP_CARD).text())).build());
            assertThat(desk.json(r).get("reason").asText()).isEqualTo("NO_VALID_CARD");
        }
    }
}
