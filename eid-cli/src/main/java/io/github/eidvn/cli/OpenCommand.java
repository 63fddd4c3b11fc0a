package io.github.eidvn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.verifier.sharing.OpenRejected;
import io.github.eidvn.verifier.sharing.OpenResult;
import io.github.eidvn.verifier.sharing.Opened;
import io.github.eidvn.verifier.sharing.PartyDecryptionKey;
import io.github.eidvn.verifier.sharing.SharedDataOpener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eid open}: the party's side: decrypts a sealed delivery, verifies the issuer's signature and checks
 * audience, nonce and expiry; prints the citizen data as JSON.
 */
@Command(name = "open",
        description = {
            "Giải mã gói dữ liệu, xác minh chữ ký cơ quan cấp, kiểm tra đơn vị nhận, nonce, thời hạn; in dữ liệu JSON.",
            "Decrypts a sealed delivery, verifies the issuer signature, checks audience, nonce and expiry; prints "
                    + "the citizen data as JSON.",
            "LƯU Ý: không có sổ đồng ý nên KHÔNG kiểm tra được việc công dân đã rút lại sự đồng ý.",
            "NOTE: there is no consent ledger here, so withdrawal of consent is NOT checked; a server must open "
                    + "deliveries with a receipt-status check (SharedDataOpener.receiptStatus).",
            "Exit: 0 mở được/opened (stdout: the claims), 1 bị từ chối/refused (stdout: reason JSON), "
                    + "2 sai cú pháp/usage error."
        })
public final class OpenCommand extends CliCommand {

    @Option(names = "--key", required = true, paramLabel = "PARTY_PRIVATE_JWK",
            description = "Khóa giải mã riêng của đơn vị / the party's private decryption JWK")
    Path key;

    @Option(names = "--jwks", required = true, paramLabel = "[ISS=]FILE|URL",
            description = {"Khóa công khai của cơ quan cấp: ISS=FILE hoặc ISS=URL (lặp lại được; iss phải là một trong"
                    + " các cơ quan đó) / the issuer's public JWKS: ISS=FILE or ISS=URL (repeatable; iss must be one of"
                    + " them, signed with its own key);",
                "một FILE trần thì cần --issuer / a bare FILE needs --issuer"})
    List<String> jwks;

    @Option(names = "--nonce", paramLabel = "N",
            description = "Nonce của yêu cầu đã gửi; không có thì gói không được mang nonce / the request nonce")
    String nonce;

    @Option(names = "--party", paramLabel = "ID",
            description = "Mã đơn vị (aud); mặc định URI dấu vân tay RFC 9278 của khóa / default: the key's RFC 9278 URI")
    String party;

    @Option(names = "--issuer", paramLabel = "ISS", description = "iss mong đợi (bắt buộc với --jwks FILE trần) /"
            + " expected issuer (required with a bare --jwks FILE); default: the issuers of --jwks ISS=FILE")
    String issuer;

    @Option(names = "--level", paramLabel = "1|2", description = "Mức tối thiểu; không có: mọi mức / minimum"
            + " assurance level; without it any level is accepted")
    Integer level;

    @Option(names = "--purpose", paramLabel = "CODE", description = "Mục đích mong đợi / expected purpose")
    String purpose;

    @Parameters(index = "0", paramLabel = "JWE", description = "JWE compact; - đọc từ stdin / - reads stdin")
    String jwe;

    @Override
    public Integer call() {
        PartyDecryptionKey decryptionKey = CliFiles.parse(spec, key, "--key",
                "--key không phải khóa giải mã riêng hợp lệ", PartyDecryptionKey::fromPrivateJwkJson);
        TrustStore trust;
        try {
            trust = TrustStore.fromJwksOptions(jwks);
        } catch (IOException | IllegalArgumentException e) {
            throw CliFiles.usage(spec, "--jwks không hợp lệ", "--jwks: " + e.getMessage());
        }
        SharedDataOpener.Builder b = SharedDataOpener.builder().decryptionKey(decryptionKey)
                .partyId(party != null ? party : decryptionKey.publicKey().thumbprintUri()).trustStore(trust)
                .withoutReceiptStatus().withoutReplayGuard();
        if (issuer != null) {
            b.expectedIssuer(issuer);
        } else if (!trust.issuers().isEmpty()) {
            b.expectedIssuers(trust.issuers());
        } else {
            throw CliFiles.usage(spec, "cần --issuer (hoặc --jwks ISS=FILE)",
                    "give --issuer (or --jwks ISS=FILE): the issuer whose packages are accepted");
        }
        if (level != null) {
            b.requiredLevel(Converters.level(spec, level));
        } else {
            b.anyLevel();
        }
        if (purpose != null) {
            b.expectedPurpose(purpose);
        }
        SharedDataOpener opener = b.build();
        String text = CliFiles.argOrStdin(spec, jwe);
        OpenResult result = nonce == null ? opener.open(text) : opener.open(text, nonce);
        if (result instanceof Opened) {
            Opened o = (Opened) result;
            return CliOutput.line(spec, o.claims().toJson(), "Đã mở / opened: receipt=" + o.receiptId() + " iss="
                    + o.issuer() + " level=" + o.level().map(l -> Integer.toString(l.number())).orElse("-")
                    + " expires=" + o.expiresAt() + " (chưa kiểm tra rút lại đồng ý / withdrawal not checked)");
        }
        OpenRejected r = (OpenRejected) result;
        ObjectNode json = Json.object();
        json.put("opened", false);
        json.put("reason", r.reason().name());
        json.put("detail", r.detail());
        Json.print(spec.commandLine().getOut(), json);
        spec.commandLine().getErr().println(r.reason().vietnamese() + " / " + r.reason().english());
        spec.commandLine().getErr().flush();
        return 1;
    }
}
