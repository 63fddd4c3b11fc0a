package io.github.eidvn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.PartyEncryptionKey;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.core.sharing.SharingSealer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eid seal}: signs the granted fields with the issuer key and encrypts them to one party (sign-then-encrypt,
 * JWE {@code ECDH-ES+A256KW}/{@code RSA-OAEP-256} with {@code A256GCM}); prints the compact JWE.
 */
@Command(name = "seal",
        description = {
            "Ký (ES256) các trường được đồng ý rồi mã hóa cho đúng một đơn vị; in JWE dạng compact.",
            "Signs (ES256) the granted fields and encrypts them to exactly one party; prints the compact JWE.",
            "Without --party the audience is the RFC 9278 thumbprint URI of the --to key, which `eid open` "
                    + "expects without --party.",
            "No ledger here: the receipt is not checked for withdrawal."
        })
public final class SealCommand extends CliCommand {

    /** The default issuer id. */
    static final String DEFAULT_ISSUER = "https://vneid.gov.vn";

    @Option(names = "--issuer-key", required = true, paramLabel = "F",
            description = "Khóa ký riêng của cơ quan cấp: JWK hoặc JWKS (khóa đầu tiên ký) / issuer private JWK or JWKS")
    Path issuerKey;

    @Option(names = "--to", required = true, paramLabel = "PARTY_PUBLIC_JWK",
            description = "Khóa mã hóa công khai của đơn vị / the party's public encryption JWK")
    Path to;

    @Option(names = "--claims", required = true, paramLabel = "F.json",
            description = "Dữ liệu công dân (JSON theo tên trường; health_insurance.number: mã thẻ 15 ký tự hoặc mã số"
                    + " BHXH 10 số) / citizen data by claim name (health_insurance.number: a 15-character card code"
                    + " or the 10-digit social-insurance number)")
    Path claims;

    @Option(names = "--fields", required = true, paramLabel = "a,b",
            description = "Các trường được đồng ý; chỉ chúng được niêm phong / the granted fields, nothing else is sealed")
    String fields;

    @Option(names = "--receipt", required = true, paramLabel = "ID", description = "Mã biên nhận đồng ý / receipt id")
    String receipt;

    @Option(names = "--nonce", paramLabel = "N", description = "Nonce của yêu cầu / the request nonce")
    String nonce;

    @Option(names = "--party", paramLabel = "ID", description = "aud: mã đơn vị / the party id")
    String party;

    @Option(names = "--issuer", defaultValue = DEFAULT_ISSUER, paramLabel = "ISS",
            description = "iss (default ${DEFAULT-VALUE})")
    String issuer;

    @Option(names = "--purpose", paramLabel = "CODE", description = "Mã mục đích / purpose code")
    String purpose;

    @Option(names = "--level", paramLabel = "1|2", description = "Mức định danh bảo đảm / assurance level (acr)")
    Integer level;

    @Option(names = "--amr", paramLabel = "M[,M...]", split = ",", description = "Phương thức xác thực (amr); mức 2"
            + " cần face hoặc fpt / authentication methods (amr); level 2 needs face or fpt")
    List<String> amr;

    @Option(names = "--subject", paramLabel = "REF", description = "sub: mã tham chiếu theo cặp / pairwise reference")
    String subject;

    @Option(names = "--ttl", defaultValue = "300", paramLabel = "SECONDS",
            description = "Thời hạn / lifetime, 1-3600 s (default ${DEFAULT-VALUE})")
    long ttl;

    @Override
    public Integer call() {
        KeyRing ring = CliFiles.parse(spec, issuerKey, "--issuer-key",
                "--issuer-key không phải khóa ký EC P-256 riêng", KeyFiles::signingKeys);
        PartyEncryptionKey recipient = CliFiles.parse(spec, to, "--to",
                "--to không phải khóa mã hóa công khai hợp lệ", PartyEncryptionKey::fromJwkJson);
        SharedClaims data = CliFiles.parse(spec, claims, "--claims", "--claims không hợp lệ",
                SharedClaims::parseJson);
        SealResult result;
        try {
            SealRequest.Builder b = SealRequest.builder().to(recipient)
                    .audience(party != null ? party : recipient.thumbprintUri())
                    .receiptId(receipt).fields(CitizenField.parseList(fields)).claims(data)
                    .ttl(Duration.ofSeconds(ttl));
            if (nonce != null) {
                b.nonce(nonce);
            }
            if (purpose != null) {
                b.purpose(purpose);
            }
            if (subject != null) {
                b.subject(subject);
            }
            if (level != null) {
                b.level(AssuranceLevel.ofNumber(level).orElseThrow(
                        () -> new IllegalArgumentException("--level must be 1 or 2")));
            }
            if (amr != null) {
                b.methods(amr.toArray(new String[0]));
            }
            SharingSealer sealer = SharingSealer.builder().issuer(issuer).keyRing(ring).withoutReceiptStatus()
                    .build();
            result = sealer.seal(b.build());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliFiles.usage(spec, "tham số không hợp lệ", e.getMessage());
        }
        SealResult.Sealed sealed = (SealResult.Sealed) result; // no receipt status: never refused
        return CliOutput.line(spec, sealed.compactJwe(), "jti=" + sealed.jti() + "  hết hạn / expires "
                + sealed.expiresAt() + "  " + recipient.jweAlgorithm() + "/" + recipient.contentEncryption());
    }
}
