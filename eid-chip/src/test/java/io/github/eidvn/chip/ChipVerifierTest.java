package io.github.eidvn.chip;

import static io.github.eidvn.chip.testing.CccdChips.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.chip.ChipVerification.ChipRejected;
import io.github.eidvn.chip.ChipVerification.ChipVerified;
import io.github.eidvn.chip.ChipVerification.DataGroupStatus;
import io.github.eidvn.chip.ChipVerification.Reason;
import io.github.eidvn.chip.internal.Bc;
import io.github.eidvn.chip.testing.CccdChips;
import io.github.eidvn.core.assurance.ChipEvidence;
import io.github.eidvn.core.identity.Sex;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.junit.jupiter.api.Test;

class ChipVerifierTest {

    private static ChipVerifier verifier(Instant now, CccdChips.Pki trusted) {
        return ChipVerifier.builder().trustList(TrustList.builder().certificate(trusted.csca()).build())
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private static ChipVerifier verifier() {
        return verifier(NOW, CccdChips.pki());
    }

    private static ChipRejected rejected(ChipVerification v, Reason reason) {
        assertThat(v).isInstanceOf(ChipRejected.class);
        ChipRejected r = (ChipRejected) v;
        assertThat(r.reason()).as(r.detail()).isEqualTo(reason);
        return r;
    }

    private static ChipVerified verified(ChipVerification v) {
        assertThat(v).as(v instanceof ChipRejected r ? r.reason() + ": " + r.detail() : "")
                .isInstanceOf(ChipVerified.class);
        return (ChipVerified) v;
    }

    @Test
    void verify_genuineCccdChip_verifiedWithMrzCitizenAndFace() {
        ChipVerified v = verified(verifier().verify(CccdChips.genuine()));
        assertThat(v.dataGroups()).containsExactly(Map.entry(1, DataGroupStatus.VALID),
                Map.entry(2, DataGroupStatus.VALID), Map.entry(13, DataGroupStatus.VALID));
        assertThat(v.mrz().personalNumber()).contains(CccdChips.NUMBER);
        CitizenData c = v.citizen().orElseThrow();
        assertThat(c.personalNumber().value()).isEqualTo(CccdChips.NUMBER);
        assertThat(c.fullName().value()).isEqualTo("Nguyễn Văn An");
        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(c.sex()).isEqualTo(Sex.MALE);
        assertThat(c.placeOfResidence()).contains("Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội");
        assertThat(c.identifyingMarks()).isPresent();
        assertThat(c.issueDate()).contains(LocalDate.of(2021, 1, 1));
        assertThat(c.expiryDate()).contains(LocalDate.of(2030, 1, 1));
        assertThat(c.fatherName()).contains("Nguyễn Văn Bình");
        assertThat(c.motherName()).contains("Trần Thị Cúc");
        assertThat(c.spouseName()).isEmpty();
        assertThat(c.otherFields()).containsExactly(Map.entry(15, "012345678"));
        assertThat(c.toCitizenProfile().permanentResidence()).isEqualTo(c.placeOfResidence());
        assertThat(v.face().orElseThrow().format()).isEqualTo(FaceImage.Format.JPEG);
        assertThat(v.face().orElseThrow().bytes()).isEqualTo(CccdChips.JPEG);
        assertThat(v.activeAuthentication()).isEqualTo(ChipVerification.ActiveAuthenticationStatus.NOT_SUPPORTED);
        assertThat(v.signer().csca()).isEqualTo(CccdChips.pki().csca());
        assertThat(v.toString()).doesNotContain(CccdChips.NUMBER.substring(3)).doesNotContain("Nguyễn");

        ChipEvidence e = v.toChipEvidence();
        assertThat(e.personalNumber().value()).isEqualTo(CccdChips.NUMBER);
        assertThat(e.dateOfExpiry()).contains(LocalDate.of(2030, 1, 1));
        assertThat(e.portrait()).contains(CccdChips.JPEG);
        assertThat(e.verifiedAt()).isEqualTo(NOW);
    }

    @Test
    void verify_sodNotCms_rejectedMalformed() {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        rejected(verifier().verify(CccdChips.files(g, CccdChips.tlv(0x77, new byte[] {0x30, 3, 2, 1, 0}))),
                Reason.MALFORMED);
        rejected(verifier().verify(CccdChips.files(g, new byte[] {0x77, 5, 1})), Reason.MALFORMED);
    }

    @Test
    void verify_withoutDg1_rejectedMalformed() {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        byte[] sod = CccdChips.sod(CccdChips.pki(), g);
        g.remove(1);
        rejected(verifier().verify(CccdChips.files(g, sod)), Reason.MALFORMED);
    }

    @Test
    void verify_signedButMalformedDg13_rejectedMalformed() {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        Map<Integer, String> fields = CccdChips.citizenFields();
        fields.put(3, "1990-01-01");
        g.put(13, CccdChips.dg13(fields));
        rejected(verifier().verify(CccdChips.files(g, CccdChips.sod(CccdChips.pki(), g))), Reason.MALFORMED);
    }

    @Test
    void verify_dataGroupWithWrongOuterTag_rejectedMalformed() {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        g.put(2, CccdChips.tlv(0x61, new byte[] {1}));
        rejected(verifier().verify(CccdChips.files(g, CccdChips.sod(CccdChips.pki(), g))), Reason.MALFORMED);
    }

    @Test
    void verify_signedContentAltered_rejectedSodSignatureInvalid() throws Exception {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        byte[] sod = CccdChips.sod(CccdChips.pki(), g);
        byte[] dg1Hash = java.security.MessageDigest.getInstance("SHA-256").digest(g.get(1));
        int at = indexOf(sod, dg1Hash);
        sod[at] ^= 1;
        g.put(1, g.get(1)); // the uploaded DG1 is unchanged; the signed list was altered
        rejected(verifier().verify(CccdChips.files(g, sod)), Reason.SOD_SIGNATURE_INVALID);
    }

    @Test
    void verify_signerOfAnotherCsca_rejectedSignerNotTrusted() {
        CccdChips.Pki other = CccdChips.newPki("CSCA Test Vietnam", CccdChips.DS_FROM, CccdChips.DS_TO);
        rejected(verifier(NOW, other).verify(CccdChips.genuine()), Reason.SIGNER_NOT_TRUSTED);
        rejected(ChipVerifier.builder().trustList(TrustList.builder().build()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build().verify(CccdChips.genuine()), Reason.SIGNER_NOT_TRUSTED);
    }

    @Test
    void verify_afterDocumentSignerExpiry_rejectedCertificateExpired() {
        rejected(verifier(CccdChips.DS_TO.plusSeconds(1), CccdChips.pki()).verify(CccdChips.genuine()),
                Reason.CERTIFICATE_EXPIRED);
        rejected(verifier(CccdChips.DS_FROM.minusSeconds(1), CccdChips.pki()).verify(CccdChips.genuine()),
                Reason.CERTIFICATE_EXPIRED);
    }

    @Test
    void verify_portraitSwapped_rejectedHashMismatch() {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        byte[] sod = CccdChips.sod(CccdChips.pki(), g);
        byte[] other = CccdChips.JPEG.clone();
        other[15] = 9;
        g.put(2, CccdChips.dg2(other));
        ChipRejected r = rejected(verifier().verify(CccdChips.files(g, sod)), Reason.DATA_GROUP_HASH_MISMATCH);
        assertThat(r.dataGroups()).containsEntry(2, DataGroupStatus.HASH_MISMATCH).containsEntry(1,
                DataGroupStatus.VALID);
    }

    @Test
    void verify_dg13NotInSod_rejectedNotCovered() {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        Map<Integer, byte[]> signed = new TreeMap<>(g);
        signed.remove(13);
        ChipRejected r = rejected(verifier().verify(CccdChips.files(g, CccdChips.sod(CccdChips.pki(), signed))),
                Reason.DATA_GROUP_NOT_COVERED);
        assertThat(r.dataGroups()).containsEntry(13, DataGroupStatus.NOT_COVERED);
    }

    @Test
    void verify_unusedGroupNotInSod_reportedNotCoveredNeverValid() {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        byte[] sod = CccdChips.sod(CccdChips.pki(), g);
        g.put(3, CccdChips.tlv(0x63, new byte[] {1, 2, 3}));
        ChipVerified v = verified(verifier().verify(CccdChips.files(g, sod)));
        assertThat(v.dataGroups()).containsEntry(3, DataGroupStatus.NOT_COVERED);
    }

    @Test
    void verify_otherStatesDg13_hashCheckedButNotReadAsVietnamese() {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        g.put(1, CccdChips.dg1("I<UTOD231458907<<<<<<<<<<<<<<<7408122F1204159UTO<<<<<<<<<<<6ERIKSSON<<ANNA<MARIA<<<<<<<<<<"));
        g.put(13, CccdChips.tlv(0x6D, new byte[] {4, 2, 1, 2}));
        ChipVerified v = verified(verifier().verify(CccdChips.files(g, CccdChips.sod(CccdChips.pki(), g))));
        assertThat(v.citizen()).isEmpty();
        assertThat(v.dataGroups()).containsEntry(13, DataGroupStatus.VALID);
        assertThatThrownBy(v::toChipEvidence).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verify_dg13BirthDateDiffersFromMrz_rejectedMrzMismatch() {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        Map<Integer, String> fields = CccdChips.citizenFields();
        fields.put(3, "02/01/1990");
        g.put(13, CccdChips.dg13(fields));
        rejected(verifier().verify(CccdChips.files(g, CccdChips.sod(CccdChips.pki(), g))), Reason.MRZ_MISMATCH);
    }

    @Test
    void verify_readerMrzOfAnotherCard_rejectedMrzMismatch() {
        Mrz other = ((MrzResult.Valid) Mrz.parse("IDVNM0900000018000090000001<<8\n9001011M3001019VNM<<<<<<<<<<<2\n"
                + "SPECIMEN<<VAN<MAU<<<<<<<<<<<<<")).mrz();
        rejected(verifier().verify(CccdChips.genuine(), Optional.of(other), Optional.empty()), Reason.MRZ_MISMATCH);
        Mrz same = ((MrzResult.Valid) Mrz.parse(CccdChips.MRZ)).mrz();
        verified(verifier().verify(CccdChips.genuine(), Optional.of(same), Optional.empty()));
    }

    @Test
    void verify_ecActiveAuthentication_verifiedOnlyForTheChipKey() throws Exception {
        KeyPair chipKey = CccdChips.ecKeys();
        Map<Integer, byte[]> g = CccdChips.groups(chipKey);
        ChipFiles files = CccdChips.files(g, CccdChips.sod(CccdChips.pki(), g));
        byte[] challenge = new byte[8];
        new SecureRandom().nextBytes(challenge);
        Signature s = Signature.getInstance("SHA256withPLAIN-ECDSA", Bc.PROVIDER);
        s.initSign(chipKey.getPrivate());
        s.update(challenge);
        byte[] response = s.sign();

        ChipVerified v = verified(verifier().verify(files, Optional.empty(),
                Optional.of(new ChipVerifier.ActiveAuthenticationResponse(challenge, response))));
        assertThat(v.activeAuthentication()).isEqualTo(ChipVerification.ActiveAuthenticationStatus.VERIFIED);
        assertThat(v.toChipEvidence().activeAuthentication()).isTrue();

        byte[] otherChallenge = challenge.clone();
        otherChallenge[0] ^= 1;
        rejected(verifier().verify(files, Optional.empty(),
                Optional.of(new ChipVerifier.ActiveAuthenticationResponse(otherChallenge, response))),
                Reason.ACTIVE_AUTHENTICATION_FAILED);
        assertThat(verified(verifier().verify(files)).activeAuthentication())
                .isEqualTo(ChipVerification.ActiveAuthenticationStatus.NOT_PERFORMED);
        rejected(ChipVerifier.builder().trustList(TrustList.builder().certificate(CccdChips.pki().csca()).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).requireActiveAuthentication().build().verify(files),
                Reason.ACTIVE_AUTHENTICATION_FAILED);
    }

    @Test
    void verify_rsaActiveAuthenticationIso9796_verified() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(1024);
        KeyPair chipKey = gen.generateKeyPair();
        Map<Integer, byte[]> g = CccdChips.groups(chipKey);
        ChipFiles files = CccdChips.files(g, CccdChips.sod(CccdChips.pki(), g));
        byte[] challenge = new byte[8];
        new SecureRandom().nextBytes(challenge);
        RSAPrivateKey priv = (RSAPrivateKey) chipKey.getPrivate();
        ISO9796d2Signer signer = new ISO9796d2Signer(new RSABlindedEngine(), new SHA1Digest(), true);
        signer.init(true, new RSAKeyParameters(true, priv.getModulus(), priv.getPrivateExponent()));
        byte[] m1 = new byte[106];
        new SecureRandom().nextBytes(m1);
        byte[] message = Arrays.copyOf(m1, m1.length + challenge.length);
        System.arraycopy(challenge, 0, message, m1.length, challenge.length);
        signer.update(message, 0, message.length);
        byte[] response = signer.generateSignature();

        assertThat(verified(verifier().verify(files, Optional.empty(),
                Optional.of(new ChipVerifier.ActiveAuthenticationResponse(challenge, response)))).activeAuthentication())
                .isEqualTo(ChipVerification.ActiveAuthenticationStatus.VERIFIED);
        byte[] forged = response.clone();
        forged[10] ^= 1;
        rejected(verifier().verify(files, Optional.empty(),
                Optional.of(new ChipVerifier.ActiveAuthenticationResponse(challenge, forged))),
                Reason.ACTIVE_AUTHENTICATION_FAILED);
    }

    @Test
    void verify_responseWithoutDg15_rejectedActiveAuthenticationFailed() {
        rejected(verifier().verify(CccdChips.genuine(), Optional.empty(),
                Optional.of(new ChipVerifier.ActiveAuthenticationResponse(new byte[8], new byte[64]))),
                Reason.ACTIVE_AUTHENTICATION_FAILED);
    }

    @Test
    void chipFiles_oversizedOrOutOfRange_refusedAtTheBuilder() {
        assertThatThrownBy(() -> ChipFiles.builder().sod(new byte[ChipFiles.MAX_SOD_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChipFiles.builder().dataGroup(17, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChipFiles.builder().dataGroup(2, new byte[ChipFiles.MAX_DATA_GROUP_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChipFiles.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
