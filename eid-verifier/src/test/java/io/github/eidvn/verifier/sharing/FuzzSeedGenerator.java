package io.github.eidvn.verifier.sharing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;

import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharingSealer;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

/**
 * Run once (by hand) to make the fixed test keys of {@code io.github.eidvn.testing.FuzzKeys} and the seed inputs of
 * the Jazzer {@code @FuzzTest} targets from our own samples (never from the outside vectors). Not a test:
 * <pre>
 * java -cp &lt;eid-verifier test classpath&gt; io.github.eidvn.verifier.sharing.FuzzSeedGenerator &lt;repo root&gt;
 * </pre>
 * Re-running it replaces the keys, so every generated seed must be committed together with them.
 */
public final class FuzzSeedGenerator {

    private FuzzSeedGenerator() {
    }

    private static Path root;

    public static void main(String[] args) throws Exception {
        root = Path.of(args[0]);
        SettableClock clock = SettableClock.at(AssertionFixtures.NOW);
        KeyRing ring = KeyRing.generate();
        io.github.eidvn.core.keys.SigningKey bankSigning = io.github.eidvn.core.keys.SigningKey.generate();
        JWK bankEncryption = ConsentFixtures.ecKey();
        Properties keys = new Properties();
        keys.setProperty("issuer.jwks", ring.privateJwksJson());
        keys.setProperty("bank.signing.jwk", bankSigning.privateJwkJson());
        keys.setProperty("bank.encryption.jwk", bankEncryption.toJSONString());
        Path keyFile = root.resolve("eid-core/src/test/resources/io/github/eidvn/testing/fuzz-keys.properties");
        Files.createDirectories(keyFile.getParent());
        try (var out = Files.newBufferedWriter(keyFile, StandardCharsets.UTF_8)) {
            keys.store(out, "TEST-ONLY keys for the fuzz targets' seeds (FuzzSeedGenerator); public, never use elsewhere");
        }

        // assertions: standard JWT, compact QR form, digits container, SMART Health Card numeric text
        AssertionIssuer issuer = AssertionFixtures.issuer(ring, clock);
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        String qr = issuer.issueForQr(AssertionFixtures.hospitalRequest(AssuranceLevel.LEVEL_1));
        String digits = SignedQrText.encode(qr);
        String shc = "shc:/" + shcNumeric(qr);
        String legacy = "079303012345|123456789|Nguyễn Thị Minh Khai|17052003|Nữ|"
                + "Số 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP Hồ Chí Minh|01032021";
        String legacyNoCmnd = "001099012345||Nguyễn Văn An|01021990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15062021";
        String verifier = "eid-verifier/src/test/resources/io/github/eidvn/verifier/AssertionVerifierFuzzTestInputs/";
        write(verifier + "verify/valid-jwt", jwt);
        write(verifier + "verify/valid-qr-form", qr);
        write(verifier + "verifyScanned/valid-digits", digits + "\r\n");
        write(verifier + "verifyScanned/valid-compact-jws", qr);
        write(verifier + "verifyScanned/valid-shc", shc);
        write(verifier + "verifyScanned/legacy-chip-card", legacy);
        String qrDir = "eid-qr/src/test/resources/io/github/eidvn/qr/";
        write(qrDir + "SignedQrTextFuzzTestInputs/decode/valid-level1", digits);
        write(qrDir + "SignedQrTextFuzzTestInputs/decode/valid-level2",
                SignedQrText.encode(issuer.issueForQr(AssertionFixtures.hospitalRequest())));
        write(qrDir + "QrTextReaderFuzzTestInputs/read/valid-digits", digits);
        write(qrDir + "QrTextReaderFuzzTestInputs/read/valid-compact-jws", qr);
        write(qrDir + "QrTextReaderFuzzTestInputs/read/valid-shc", shc);
        write(qrDir + "QrTextReaderFuzzTestInputs/read/legacy-chip-card", legacy);
        write(qrDir + "QrTextReaderFuzzTestInputs/read/legacy-chip-card-no-cmnd", legacyNoCmnd + "\n");

        // JWKS
        String core = "eid-core/src/test/resources/io/github/eidvn/core/";
        write(core + "keys/TrustStoreFuzzTestInputs/fromJwks/ec-ring", ring.publicJwksJson());
        write(core + "keys/TrustStoreFuzzTestInputs/fromJwks/ec-and-rsa", "{\"keys\":["
                + JWK.parse(bankSigning.publicJwkJson()).toJSONString() + ","
                + ConsentFixtures.rsaKey(2048).toPublicJWK().toJSONString() + "]}");

        // consent request from the fixed bank
        ConsentFixtures.Party bank = io.github.eidvn.testing.FuzzKeys.bank(bankSigning,
                bankEncryption.toJSONString());
        ConsentRequestSigner signer = ConsentRequestSigner.builder().partyId(bank.party().id())
                .signingKey(bankSigning).audience(ConsentFixtures.ISSUER).clock(clock).build();
        Set<CitizenField> asked = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME, CitizenField.BIRTHDATE,
                CitizenField.GENDER, CitizenField.PERMANENT_RESIDENCE, CitizenField.PHONE_NUMBER);
        String request = signer.request("bank-ekyc", asked).sign().compactJws();
        String withNonce = signer.request("bank-ekyc", asked).nonce(SharedDataOpenerFuzzTest.NONCE)
                .purposeText("Mở tài khoản thanh toán").sign().compactJws();
        write(core + "consent/ConsentRequestVerifierFuzzTestInputs/verify/valid-request", request);
        write(core + "consent/ConsentRequestVerifierFuzzTestInputs/verify/valid-request-nonce", withNonce);

        // a sharing delivery to the fixed bank
        CitizenReferences refs = CitizenReferences.of(ConsentFixtures.secret());
        ConsentLedger ledger = ConsentLedger.builder().store(InMemoryStateStore.create(clock)).references(refs)
                .clock(clock).build();
        ConsentRequestVerifier requests = ConsentRequestVerifier.builder()
                .registry(io.github.eidvn.testing.FuzzKeys.registry(bank)).audience(ConsentFixtures.ISSUER)
                .clock(clock).build();
        ConsentReceiptIssuer receipts = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring)
                .references(refs).clock(clock).build();
        SharingSealer sealer = SharingSealer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring).clock(clock)
                .receiptStatus(ledger).build();
        PersonalNumber citizen = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);
        VerifiedRequest v = (VerifiedRequest) requests.verify(withNonce);
        ConsentReceiptIssuer.Issued issued = receipts.grant(v, citizen, EnumSet.of(CitizenField.PERSONAL_NUMBER,
                CitizenField.NAME, CitizenField.BIRTHDATE, CitizenField.GENDER), Duration.ofDays(30));
        ledger.record(citizen, issued);
        SealResult sealed = sealer.seal(SealRequest.forReceipt(issued.receipt(), bank.party().encryptionKey())
                .claims(ConsentFixtures.claims()).level(AssuranceLevel.LEVEL_2).methods("face").build());
        write("eid-verifier/src/test/resources/io/github/eidvn/verifier/sharing/SharedDataOpenerFuzzTestInputs/open/"
                + "valid-delivery", ((SealResult.Sealed) sealed).compactJwe());

        // password hashes for the hasher target (same parameters as PasswordInputsFuzzTest)
        PasswordHasher hasher = PasswordHasher.builder().memoryKiB(8).iterations(1).parallelism(1)
                .maxMemoryKiB(64).maxIterations(2).maxParallelism(2).build();
        String pw = "eid-account/src/test/resources/io/github/eidvn/account/password/PasswordInputsFuzzTestInputs/";
        write(pw + "hasherVerify/match", "Mật khẩu đúng 2026\n" + hasher.hash("Mật khẩu đúng 2026"));
        write(pw + "hasherVerify/mismatch", "wrong\n" + hasher.hash("Mật khẩu đúng 2026"));
        write(pw + "hasherVerify/too-costly", "x\n$argon2id$v=19$m=4194304,t=100,p=64$c2FsdHNhbHRzYWx0$"
                + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA");
        System.out.println("seeds written; issuer kid " + ring.current().kid());
    }

    /** SMART Health Cards numeric mode: each character c as two digits of c - 45. */
    private static String shcNumeric(String jws) {
        StringBuilder b = new StringBuilder();
        for (char c : jws.toCharArray()) {
            b.append(String.format("%02d", c - 45));
        }
        return b.toString();
    }

    private static void write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }
}
