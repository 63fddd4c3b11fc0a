package io.github.eidvn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Rejected;
import io.github.eidvn.verifier.VerificationResult;
import io.github.eidvn.verifier.Verified;

/**
 * {@code eid verify --jwks [ISS=]F|URL... [--level 2] [--aud A] [--purpose P] [--now T] (TEXT | --image F)}: verifies a scanned QR
 * text (eid digits container, SMART Health Card {@code shc:/} text or compact JWS) or the QR code in an image, and
 * prints one JSON object: {@code {"verified":true,"reason":null,"level":2,...,"claims":{...}}} or
 * {@code {"verified":false,"reason":"BAD_SIGNATURE","detail":...,"message":{"vi":...,"en":...},"level":null,
 * "claims":null}}. Exit 0 verified, 1 rejected, 2 usage error.
 */
@Command(name = "verify",
        description = {
            "Xác minh mã QR định danh điện tử (nội dung quét được hoặc ảnh); in một đối tượng JSON.",
            "Verifies an e-ID QR code (scanned text or image); prints one JSON object.",
            "Nghiêm ngặt: mã có aud/purpose chỉ hợp lệ khi --aud/--purpose khớp. Không kiểm tra dùng lại giữa các"
                    + " lần chạy.",
            "Strict: a code with aud/purpose verifies only with a matching --aud/--purpose. Replay across runs is"
                    + " not checked.",
            "Exit: 0 hợp lệ/verified, 1 bị từ chối/rejected, 2 sai cú pháp/usage error."
        })
public final class VerifyCommand extends CliCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--jwks", required = true, paramLabel = "[ISS=]FILE|URL",
            description = {"Khóa công khai tin cậy (JWKS); ISS=FILE hoặc ISS=URL cho từng cơ quan cấp (lặp lại được),"
                    + " khóa chỉ xác minh mã có iss đó / trusted public keys (JWKS): ISS=FILE or ISS=URL per issuer"
                    + " (repeatable), each key verifies only codes whose iss is that issuer;",
                "một FILE (hoặc URL) trần: một cơ quan cấp, tên gì cũng được / one bare FILE (or URL): one issuer,"
                    + " whatever its name"})
    List<String> jwks;

    @Option(names = "--level", paramLabel = "1|2", defaultValue = "1",
            description = "Mức độ tối thiểu / required level, default ${DEFAULT-VALUE}")
    int level;

    @Option(names = "--aud", paramLabel = "A", description = "Bên nhận mong đợi / expected audience, e.g. 79024")
    String audience;

    @Option(names = "--purpose", paramLabel = "P", description = "Mục đích mong đợi / expected purpose")
    String purpose;

    @Option(names = "--image", paramLabel = "FILE", description = "Ảnh chứa mã QR / image with the QR code")
    Path image;

    @Option(names = "--now", paramLabel = "INSTANT", converter = TimeConverters.At.class,
            description = "Xác minh tại thời điểm (để thử nghiệm) / verify as of (for testing)")
    Instant now;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT",
            description = "Nội dung QR quét được, '-' = stdin / the scanned QR text, '-' = stdin")
    String text;

    @Override
    public Integer call() {
        if ((text == null) == (image == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Cần đúng một trong TEXT hoặc --image / give exactly one of TEXT or --image");
        }
        AssuranceLevel required = Converters.level(spec, level);
        TrustStore trust;
        try {
            trust = TrustStore.fromJwksOptions(jwks);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Không dùng được --jwks / unusable --jwks: " + e.getMessage());
        }
        AssertionVerifier.Builder b = AssertionVerifier.builder().trustStore(trust).requiredLevel(required)
                .withoutReplayGuard();
        try {
            if (audience != null) {
                b.expectedAudience(audience);
            }
            if (purpose != null) {
                b.expectedPurpose(purpose);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (now != null) {
            b.clock(Clock.fixed(now, ZoneOffset.UTC));
        }
        AssertionVerifier verifier = b.build();

        String scanned;
        if (image != null) {
            QrScanResult scan;
            try {
                scan = QrImages.scan(image);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Không đọc được --image / cannot read --image: " + e.getMessage());
            }
            if (scan instanceof QrScanResult.Failed) {
                QrScanResult.Failed f = (QrScanResult.Failed) scan;
                return print(failure(f.reason().name(), f.detail(), f.reason().vietnamese(), f.reason().english()), 1);
            }
            scanned = ((QrScanResult.Found) scan).text();
        } else {
            try {
                scanned = CliFiles.argumentOrStdin(text);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Không đọc được stdin / cannot read stdin: " + e.getMessage());
            }
        }

        VerificationResult r = verifier.verifyScanned(scanned);
        if (r instanceof Rejected) {
            Rejected rej = (Rejected) r;
            return print(failure(rej.reason().name(), rej.detail(), rej.reason().vietnamese(),
                    rej.reason().english()), 1);
        }
        Assertion a = ((Verified) r).assertion();
        ObjectNode json = Json.object();
        json.put("verified", true);
        json.putNull("reason");
        json.put("level", a.level().number());
        json.put("iss", a.issuer());
        json.put("kid", a.kid());
        json.put("jti", a.jti());
        json.put("iat", a.issuedAt().toString());
        json.put("exp", a.expiresAt().map(Instant::toString).orElse(null));
        ArrayNode aud = json.putArray("aud");
        a.audience().forEach(aud::add);
        json.put("purpose", a.purpose().orElse(null));
        ArrayNode amr = json.putArray("amr");
        a.methods().forEach(amr::add);
        ArrayNode evidence = json.putArray("evidence");
        for (Evidence e : a.evidence()) {
            ObjectNode o = evidence.addObject();
            o.put("type", e.type());
            o.put("method", e.method());
            e.attributes().forEach(o::put);
        }
        json.set("claims", MAPPER.valueToTree(a.claims()));
        return print(json, 0);
    }

    private static ObjectNode failure(String reason, String detail, String vi, String en) {
        ObjectNode json = Json.object();
        json.put("verified", false);
        json.put("reason", reason);
        json.put("detail", detail);
        ObjectNode message = json.putObject("message");
        message.put("vi", vi);
        message.put("en", en);
        json.putNull("level");
        json.putNull("claims");
        return json;
    }

    private int print(ObjectNode json, int exitCode) {
        Json.print(spec.commandLine().getOut(), json);
        if (exitCode != 0) {
            ObjectNode m = (ObjectNode) json.get("message");
            spec.commandLine().getErr().println(m.get("vi").asText() + " / " + m.get("en").asText());
            spec.commandLine().getErr().flush();
        }
        return exitCode;
    }
}
