package io.github.eidvn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentRequest;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.consent.RequestRejected;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.verifier.sharing.ConsentRequestQr;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eid request}: a relying party's signed consent request as a QR code ({@code create}), and the citizen
 * side's check of one ({@code verify}).
 */
@Command(name = "request",
        description = {
            "Yêu cầu chia sẻ dữ liệu có chữ ký của đơn vị (mã QR): tạo và kiểm tra.",
            "A relying party's signed data-sharing request (QR code): create and verify."
        },
        subcommands = {RequestCommand.Create.class, RequestCommand.Verify.class})
public final class RequestCommand extends GroupCommand {

    /** The default e-ID issuer a request is addressed to. */
    static final String DEFAULT_AUDIENCE = "https://vneid.gov.vn";


    /** {@code eid request create}: prints the request's digits-only QR text. */
    @Command(name = "create",
            description = {
                "Tạo yêu cầu chia sẻ dữ liệu ký ES256 và in nội dung mã QR (chỉ gồm chữ số).",
                "Creates an ES256-signed data-sharing request and prints its QR text (digits only).",
                "Keep the nonce (stderr, or --json) to check the delivery with `eid open --nonce`."
            })
    static final class Create extends CliCommand {

        @Option(names = "--key", required = true, paramLabel = "PARTY_PRIVATE_JWK",
                description = "Khóa ký riêng của đơn vị (JWK EC P-256) / the party's private signing JWK")
        Path key;

        @Option(names = "--party", required = true, paramLabel = "ID", description = "Mã đơn vị / party id")
        String party;

        @Option(names = "--purpose", required = true, paramLabel = "CODE",
                description = "Mã mục đích trong danh mục / catalogue purpose code, e.g. bank-ekyc")
        String purpose;

        @Option(names = "--fields", required = true, paramLabel = "a,b,c",
                description = "Trường dữ liệu / fields, e.g. personal_number,name,birthdate")
        String fields;

        @Option(names = "--text", paramLabel = "TEXT", description = "Giải thích mục đích / purpose explanation")
        String text;

        @Option(names = "--response-uri", paramLabel = "URI", description = "https:// nơi nhận dữ liệu")
        String responseUri;

        @Option(names = "--audience", defaultValue = DEFAULT_AUDIENCE, paramLabel = "ISSUER",
                description = "Cơ quan nhận yêu cầu / addressed e-ID issuer (default ${DEFAULT-VALUE})")
        String audience;

        @Option(names = "--ttl", defaultValue = "300", paramLabel = "SECONDS",
                description = "Thời hạn, 10-600 giây / lifetime, 10 to 600 seconds (default ${DEFAULT-VALUE})")
        long ttl;

        @Option(names = "--nonce", paramLabel = "N", description = "Nonce (mặc định ngẫu nhiên / random by default)")
        String nonce;

        @Option(names = "--png", paramLabel = "OUT", description = "Ghi ảnh mã QR / also write the QR as PNG")
        Path png;

        @Option(names = "--json", description = "In JSON (qr, jws, nonce, expiresAt) thay vì chỉ mã QR")
        boolean json;

        @Override
        public Integer call() throws Exception {
            SigningKey signingKey = CliFiles.parse(spec, key, "--key", "--key không phải khóa ký EC P-256",
                    SigningKey::fromPrivateJwkJson);
            if (PurposeCatalogue.standard().find(purpose).isEmpty()) {
                throw CliFiles.usage(spec, "mục đích không có trong danh mục: " + purpose,
                        "purpose not in the catalogue: " + purpose);
            }
            ConsentRequestSigner.Signed signed;
            try {
                Set<CitizenField> f = CitizenField.parseList(fields);
                ConsentRequestSigner signer = ConsentRequestSigner.builder().partyId(party).signingKey(signingKey)
                        .audience(audience).build();
                ConsentRequestSigner.Draft draft = signer.request(purpose, f).ttl(Duration.ofSeconds(ttl));
                if (text != null) {
                    draft.purposeText(text);
                }
                if (responseUri != null) {
                    draft.responseUri(responseUri);
                }
                if (nonce != null) {
                    draft.nonce(nonce);
                }
                signed = draft.sign();
            } catch (IllegalArgumentException e) {
                throw CliFiles.usage(spec, "tham số không hợp lệ", e.getMessage());
            }
            String qr = ConsentRequestQr.toQrText(signed.compactJws());
            if (png != null) {
                Files.write(png, QrRenderer.defaults().png(qr));
            }
            String note = "nonce=" + signed.request().nonce() + "  hết hạn / expires " + signed.request().expiresAt()
                    + "  (" + qr.length() + " chữ số / digits)";
            if (!json) {
                return CliOutput.line(spec, qr, note);
            }
            ObjectNode o = Json.object();
            o.put("qr", qr);
            o.put("jws", signed.compactJws());
            o.put("nonce", signed.request().nonce());
            o.put("expiresAt", signed.request().expiresAt().toString());
            return CliOutput.json(spec, o, note, 0);
        }
    }

    /** {@code eid request verify}: the citizen side's check, as JSON. */
    @Command(name = "verify",
            description = {
                "Kiểm tra yêu cầu chia sẻ dữ liệu (nội dung mã QR, JWS, hoặc ảnh) theo sổ đăng ký đơn vị; in JSON.",
                "Verifies a data-sharing request (QR text, compact JWS, or a photo) against the party registry; "
                        + "prints JSON.",
                "Exit: 0 hợp lệ/valid, 1 bị từ chối/rejected, 2 sai cú pháp/usage error.",
                "Registry file: {\"parties\":[{\"id\",\"name\":{\"vi\",\"en\"},\"contact\",\"purposes\":"
                        + "{\"code\":[fields]},\"jwks\":{\"keys\":[...]},\"encryption_jwk\":{...}}]}"
            })
    static final class Verify extends CliCommand {

        @Option(names = "--registry", required = true, paramLabel = "F",
                description = "Sổ đăng ký đơn vị (JSON) / party registry file")
        Path registry;

        @Option(names = "--image", paramLabel = "F", description = "Ảnh chụp mã QR / a photo of the QR code")
        Path image;

        @Option(names = "--audience", defaultValue = DEFAULT_AUDIENCE, paramLabel = "ISSUER",
                description = "Định danh của ứng dụng này / this issuer's id (default ${DEFAULT-VALUE})")
        String audience;

        @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT",
                description = "Nội dung mã QR hoặc JWS; - đọc từ stdin / QR text or JWS; - reads stdin")
        String text;

        @Override
        public Integer call() {
            if ((text == null) == (image == null)) {
                throw CliFiles.usage(spec, "cần đúng một trong TEXT hoặc --image", "give exactly one of TEXT and --image");
            }
            InMemoryRelyingPartyRegistry parties;
            try {
                parties = InMemoryRelyingPartyRegistry.fromJson(CliFiles.read(spec, registry, "--registry"));
            } catch (IllegalArgumentException e) {
                throw CliFiles.usage(spec, "sổ đăng ký không hợp lệ", "invalid registry: " + e.getMessage());
            }
            String scanned;
            if (image != null) {
                QrScanResult scan;
                try {
                    scan = QrImages.scan(image);
                } catch (java.io.IOException e) {
                    throw CliFiles.usage(spec, "không đọc được ảnh", "cannot read " + image);
                }
                if (scan instanceof QrScanResult.Failed f) {
                    return CliOutput.invalid(spec, "QR_NOT_FOUND", f.reason() + ": " + f.detail(),
                            f.reason().vietnamese(), f.reason().english());
                }
                scanned = ((QrScanResult.Found) scan).text();
            } else {
                scanned = CliFiles.argOrStdin(spec, text);
            }
            ConsentRequestVerifier verifier = ConsentRequestVerifier.builder().registry(parties).audience(audience)
                    .build();
            RequestResult result = ConsentRequestQr.verifyScanned(scanned, verifier);
            ObjectNode o = Json.object();
            if (result instanceof VerifiedRequest) {
                VerifiedRequest v = (VerifiedRequest) result;
                ConsentRequest r = v.request();
                RelyingParty p = v.party();
                o.put("valid", true);
                ObjectNode party = o.putObject("party");
                party.put("id", p.id());
                party.putObject("name").put("vi", p.legalNameVi()).put("en", p.legalNameEn());
                party.put("contact", p.contact());
                ObjectNode purpose = o.putObject("purpose");
                purpose.put("code", v.purpose().code());
                purpose.putObject("name").put("vi", v.purpose().nameVi()).put("en", v.purpose().nameEn());
                r.purposeText().ifPresent(t -> purpose.put("text", t));
                ArrayNode fields = o.putArray("fields");
                for (CitizenField f : r.fields()) {
                    fields.addObject().put("name", f.claimName()).put("vi", f.vietnamese()).put("en", f.english());
                }
                o.put("nonce", r.nonce());
                o.put("expiresAt", r.expiresAt().toString());
                r.responseUri().ifPresent(u -> o.put("responseUri", u));
                return CliOutput.json(spec, o, p.legalNameVi() + " yêu cầu " + r.fields().size()
                        + " trường cho mục đích: " + v.purpose().nameVi() + " / " + p.legalNameEn() + " asks for "
                        + r.fields().size() + " fields for: " + v.purpose().nameEn(), 0);
            }
            RequestRejected rej = (RequestRejected) result;
            return CliOutput.invalid(spec, rej.reason().name(), rej.detail(), rej.reason().vietnamese(),
                    rej.reason().english());
        }
    }
}
