package io.github.eidvn.verifier.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharingSealer;
import io.github.eidvn.testing.ConsentFixtures;

class SharedDataOpenerTest {

    private static final Set<CitizenField> ASKED = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
            CitizenField.BIRTHDATE, CitizenField.GENDER, CitizenField.PERMANENT_RESIDENCE, CitizenField.PHONE_NUMBER);
    private static final Set<CitizenField> GRANTED = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
            CitizenField.BIRTHDATE, CitizenField.GENDER);

    private SharingWorld w;
    private ConsentReceiptIssuer.Issued issued;
    private String nonce;
    private String jwe;
    private SharedDataOpener opener;

    @BeforeEach
    void setUp() {
        w = new SharingWorld();
        issued = w.consent("bank-ekyc", ASKED, GRANTED);
        nonce = issued.receipt().requestNonce();
        jwe = w.seal(issued, ConsentFixtures.claims());
        opener = w.opener().receiptStatus(w.ledger).requiredLevel(AssuranceLevel.LEVEL_2).build();
    }

    private static OpenReason reason(OpenResult r) {
        assertThat(r).isInstanceOf(OpenRejected.class);
        return ((OpenRejected) r).reason();
    }

    /** Encrypts any inner text to the bank's key with any header. */
    private String encrypt(JWEHeader header, String inner) throws Exception {
        JWEObject o = new JWEObject(header, new Payload(inner));
        o.encrypt(new ECDHEncrypter((ECPublicKey) w.bank.party().encryptionKey().publicKey()));
        return o.serialize();
    }

    private JWEHeader.Builder header() {
        return new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM).contentType("JWT")
                .keyID(w.bankKey.kid());
    }

    /** A genuine inner JWS of the sealed delivery, decrypted in the test. */
    private String inner() throws Exception {
        JWEObject o = JWEObject.parse(jwe);
        o.decrypt(w.bankKey.decrypter());
        return o.getPayload().toString();
    }

    private String resignedInner(java.util.function.Consumer<Map<String, Object>> change) throws Exception {
        ConsentFixtures.Parts p = ConsentFixtures.open(inner());
        change.accept(p.claims());
        return ConsentFixtures.signRaw(w.ring.current(), p.header(), p.claims());
    }

    @Test
    void open_genuineDelivery_exactlyTheGrantedFieldsTyped() {
        OpenResult r = opener.open(jwe, nonce);
        assertThat(r).isInstanceOf(Opened.class);
        Opened o = (Opened) r;
        assertThat(o.claims().fields()).isEqualTo(GRANTED);
        assertThat(o.claims().name()).contains("Nguyễn Thị Minh Khai");
        assertThat(o.claims().gender()).contains(Sex.FEMALE);
        assertThat(o.claims().personalNumber().orElseThrow().value()).isEqualTo(ConsentFixtures.CITIZEN_NUMBER);
        assertThat(o.level()).contains(AssuranceLevel.LEVEL_2);
        assertThat(o.receiptId()).isEqualTo(issued.receipt().id());
        assertThat(o.subject()).contains(issued.receipt().citizenRef());
        assertThat(o.purpose()).contains("bank-ekyc");
        assertThat(o.issuerKid()).isEqualTo(w.ring.current().kid());
        assertThat(o.toString()).doesNotContain("Nguyễn");
    }

    @Test
    void resultAccessors_openedAndRejected_withoutCasts() {
        OpenResult ok = opener.open(jwe, nonce);
        assertThat(ok.opened().claims().fields()).isEqualTo(GRANTED);
        assertThatThrownBy(ok::rejected).isInstanceOf(IllegalStateException.class);
        OpenResult bad = opener.open("not a delivery", nonce);
        assertThat(bad.rejected().reason()).isEqualTo(OpenReason.MALFORMED);
        assertThatThrownBy(bad::opened).isInstanceOf(IllegalStateException.class).hasMessageContaining("MALFORMED");
    }

    @Test
    void open_rsaRecipient_works() {
        SharingWorld rsa = new SharingWorld(ConsentFixtures.party("bv-cho-ray", "bhyt-checkin",
                ConsentFixtures.rsaKey(2048)));
        ConsentReceiptIssuer.Issued i = rsa.consent("bhyt-checkin", EnumSet.of(CitizenField.NAME,
                CitizenField.HEALTH_INSURANCE), EnumSet.of(CitizenField.NAME, CitizenField.HEALTH_INSURANCE));
        String d = rsa.seal(i, ConsentFixtures.claims());
        Opened o = (Opened) rsa.opener().receiptStatus(rsa.ledger).anyLevel().build().open(d, i.receipt().requestNonce());
        assertThat(o.claims().healthInsurance().orElseThrow().number()).isEqualTo("HS4790120878811");
    }

    @Test
    void open_wrongRecipientKey_rejectedWrongRecipient() {
        SharingWorld other = new SharingWorld(ConsentFixtures.party("vcb-bank", "bank-ekyc", ConsentFixtures.ecKey()));
        SharedDataOpener wrong = SharedDataOpener.builder().decryptionKey(other.bankKey).partyId("vcb-bank")
                .trustStore(TrustStore.of(w.ring)).expectedIssuer(ConsentFixtures.ISSUER).clock(w.clock).receiptStatus(w.ledger).anyLevel().build();
        assertThat(reason(wrong.open(jwe, nonce))).isEqualTo(OpenReason.WRONG_RECIPIENT);
    }

    @Test
    void open_wrongKeyWithoutKidInHeader_rejectedDecryptionFailed() throws Exception {
        JWEHeader noKid = new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                .contentType("JWT").build();
        JWEObject o = new JWEObject(noKid, new Payload(inner()));
        JWK stranger = ConsentFixtures.ecKey();
        o.encrypt(new ECDHEncrypter(stranger.toECKey().toECPublicKey()));
        assertThat(reason(opener.open(o.serialize(), nonce))).isEqualTo(OpenReason.DECRYPTION_FAILED);
    }

    @Test
    void open_wrongNonceOrMissingNonceOrUnexpectedNonce_rejectedWrongNonce() {
        assertThat(reason(opener.open(jwe, "AAAAAAAAAAAAAAAAAAAAAA"))).isEqualTo(OpenReason.WRONG_NONCE);
        assertThat(reason(opener.open(jwe))).isEqualTo(OpenReason.WRONG_NONCE);
    }

    @Test
    void open_afterWithdrawal_rejectedReceiptWithdrawn() {
        w.ledger.withdraw(SharingWorld.CITIZEN, issued.receipt().id());
        assertThat(reason(opener.open(jwe, nonce))).isEqualTo(OpenReason.RECEIPT_WITHDRAWN);
    }

    @Test
    void open_receiptEndedBeforeTheDelivery_rejectedReceiptExpired() {
        SealRequest r = SealRequest.forReceipt(issued.receipt(), w.bank.party().encryptionKey())
                .claims(ConsentFixtures.claims()).level(AssuranceLevel.LEVEL_2)
                .methods("face").ttl(java.time.Duration.ofHours(1))
                .build();
        w.clock.advance(Duration.ofDays(30).minusMinutes(1));
        String late = ((SealResult.Sealed) w.sealer.seal(r)).compactJwe();
        w.clock.advance(Duration.ofSeconds(61));
        assertThat(reason(opener.open(late, nonce))).isEqualTo(OpenReason.RECEIPT_EXPIRED);
    }

    @Test
    void open_receiptUnknownToTheLedger_rejectedReceiptUnknown() {
        SharingSealer raw = SharingSealer.builder().issuer(ConsentFixtures.ISSUER).keyRing(w.ring).clock(w.clock)
                .withoutReceiptStatus().build();
        String forged = ((SealResult.Sealed) raw.seal(SealRequest.builder().to(w.bank.party().encryptionKey())
                .audience("vcb-bank").receiptId("AAAAAAAAAAAAAAAAAAAAAA").fields(GRANTED)
                .claims(ConsentFixtures.claims()).nonce(nonce).level(AssuranceLevel.LEVEL_2)
                .methods("face").build())).compactJwe();
        assertThat(reason(opener.open(forged, nonce))).isEqualTo(OpenReason.RECEIPT_UNKNOWN);
    }

    @Test
    void open_moreFieldsThanTheReceiptGrants_rejectedFieldsNotGranted() {
        SharingSealer raw = SharingSealer.builder().issuer(ConsentFixtures.ISSUER).keyRing(w.ring).clock(w.clock)
                .withoutReceiptStatus().build();
        String over = ((SealResult.Sealed) raw.seal(SealRequest.builder().to(w.bank.party().encryptionKey())
                .audience("vcb-bank").receiptId(issued.receipt().id()).fields(ASKED)
                .claims(ConsentFixtures.claims()).nonce(nonce).level(AssuranceLevel.LEVEL_2)
                .methods("face").build())).compactJwe();
        assertThat(reason(opener.open(over, nonce))).isEqualTo(OpenReason.FIELDS_NOT_GRANTED);
    }

    @Test
    void open_secondTime_rejectedReplayed() {
        assertThat(opener.open(jwe, nonce)).isInstanceOf(Opened.class);
        assertThat(reason(opener.open(jwe, nonce))).isEqualTo(OpenReason.REPLAYED);
    }

    @Test
    void open_levelOneDelivery_rejectedInsufficientLevel() {
        String l1 = ((SealResult.Sealed) w.sealer.seal(SealRequest.forReceipt(issued.receipt(),
                w.bank.party().encryptionKey()).claims(ConsentFixtures.claims()).level(AssuranceLevel.LEVEL_1)
                .build())).compactJwe();
        assertThat(reason(opener.open(l1, nonce))).isEqualTo(OpenReason.INSUFFICIENT_LEVEL);
    }

    @Test
    void open_expiredDelivery_rejectedExpired() {
        w.clock.advance(SharingSealer.DEFAULT_TTL.plusSeconds(61));
        assertThat(reason(opener.open(jwe, nonce))).isEqualTo(OpenReason.EXPIRED);
    }

    @Test
    void open_forAnotherParty_rejectedWrongAudience() {
        SharedDataOpener other = SharedDataOpener.builder().decryptionKey(w.bankKey).partyId("other-bank")
                .trustStore(TrustStore.of(w.ring)).expectedIssuer(ConsentFixtures.ISSUER).clock(w.clock).withoutReceiptStatus().anyLevel().build();
        assertThat(reason(other.open(jwe, nonce))).isEqualTo(OpenReason.WRONG_AUDIENCE);
    }

    @Test
    void open_untrustedIssuer_rejectedUnknownKey() {
        SharedDataOpener other = SharedDataOpener.builder().decryptionKey(w.bankKey).partyId("vcb-bank")
                .trustStore(TrustStore.of(KeyRing.generate())).expectedIssuer(ConsentFixtures.ISSUER).clock(w.clock).withoutReceiptStatus().anyLevel().build();
        assertThat(reason(other.open(jwe, nonce))).isEqualTo(OpenReason.UNKNOWN_KEY);
    }

    @Test
    void open_innerSignedByAnImpostorWithTheIssuerKid_rejectedBadSignature() throws Exception {
        ConsentFixtures.Parts p = ConsentFixtures.open(inner());
        p.claims().put("receipt_id", issued.receipt().id());
        String forged = ConsentFixtures.signRaw(SigningKey.generate(), p.header(), p.claims());
        assertThat(reason(opener.open(encrypt(header().build(), forged), nonce))).isEqualTo(OpenReason.BAD_SIGNATURE);
    }

    @Test
    void open_innerNotADelivery_rejectedWrongType() throws Exception {
        ConsentFixtures.Parts p = ConsentFixtures.open(inner());
        p.header().put("typ", "vneid-assertion+jwt");
        String other = ConsentFixtures.signRaw(w.ring.current(), p.header(), p.claims());
        assertThat(reason(opener.open(encrypt(header().build(), other), nonce))).isEqualTo(OpenReason.WRONG_TYPE);
        assertThat(reason(opener.open(encrypt(header().contentType(null).build(), inner()), nonce)))
                .isEqualTo(OpenReason.WRONG_TYPE);
    }

    @Test
    void open_unknownInnerClaimOrBadCitizenValue_rejectedMalformed() throws Exception {
        String extra = resignedInner(c -> c.put("scope", "everything"));
        assertThat(reason(opener.open(encrypt(header().build(), extra), nonce))).isEqualTo(OpenReason.MALFORMED);
        String bad = resignedInner(c -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> vc = (Map<String, Object>) c.get("verified_claims");
            vc.put("claims", Map.of("personal_number", "not a number"));
        });
        assertThat(reason(opener.open(encrypt(header().build(), bad), nonce))).isEqualTo(OpenReason.MALFORMED);
    }

    @Test
    void open_compressedJwe_rejectedCompressionRefused() throws Exception {
        String zipped = encrypt(header().compressionAlgorithm(CompressionAlgorithm.DEF).build(), inner());
        assertThat(reason(opener.open(zipped, nonce))).isEqualTo(OpenReason.COMPRESSION_REFUSED);
    }

    @Test
    void open_unexpectedAlgOrEnc_rejectedDisallowedAlgorithm() throws Exception {
        String a128 = encrypt(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A128KW, EncryptionMethod.A256GCM)
                .contentType("JWT").keyID(w.bankKey.kid()).build(), inner());
        assertThat(reason(opener.open(a128, nonce))).isEqualTo(OpenReason.DISALLOWED_ALGORITHM);
        String cbc = encrypt(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256CBC_HS512)
                .contentType("JWT").keyID(w.bankKey.kid()).build(), inner());
        assertThat(reason(opener.open(cbc, nonce))).isEqualTo(OpenReason.DISALLOWED_ALGORITHM);
        String direct = encrypt(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .contentType("JWT").keyID(w.bankKey.kid()).build(), inner());
        assertThat(reason(opener.open(direct, nonce))).isEqualTo(OpenReason.DISALLOWED_ALGORITHM);
        RSAKey rsa = (RSAKey) ConsentFixtures.rsaKey(2048);
        JWEObject o = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .contentType("JWT").keyID(w.bankKey.kid()).build(), new Payload(inner()));
        o.encrypt(new RSAEncrypter(rsa.toRSAPublicKey()));
        assertThat(reason(opener.open(o.serialize(), nonce))).isEqualTo(OpenReason.DISALLOWED_ALGORITHM);
    }

    @Test
    void open_critOrJkuHeader_rejected() throws Exception {
        String crit = encrypt(header().criticalParams(Set.of("exp")).customParam("exp", 1).build(), inner());
        assertThat(reason(opener.open(crit, nonce))).isEqualTo(OpenReason.UNSUPPORTED_CRITICAL_HEADER);
        String jku = encrypt(header().jwkURL(java.net.URI.create("https://evil.example/jwks")).build(), inner());
        assertThat(reason(opener.open(jku, nonce))).isEqualTo(OpenReason.MALFORMED);
    }

    @Test
    void open_oversizedGarbageEmpty_rejectedBeforeParsing() {
        assertThat(reason(opener.open("a".repeat(70_000), nonce))).isEqualTo(OpenReason.TOO_LARGE);
        assertThat(reason(opener.open("", nonce))).isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(opener.open(null))).isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(opener.open("a.b.c", nonce))).isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(opener.open("a.b.c.d.e", nonce))).isEqualTo(OpenReason.MALFORMED);
        String[] p = jwe.split("\\.");
        String padded = p[0] + "=." + p[1] + "." + p[2] + "." + p[3] + "." + p[4];
        assertThat(reason(opener.open(padded, nonce))).isEqualTo(OpenReason.MALFORMED);
    }

    @Test
    void open_ledgerThrows_rejectedCheckUnavailable() {
        SharedDataOpener broken = w.opener().receiptStatus((id, party, now) -> {
            throw new IllegalStateException("down");
        }).anyLevel().build();
        assertThat(reason(broken.open(jwe, nonce))).isEqualTo(OpenReason.CHECK_UNAVAILABLE);
    }

    @Test
    void builder_mustChooseReceiptStatusOrNot() {
        assertThatThrownBy(() -> w.opener().anyLevel().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> w.opener().receiptStatus(w.ledger).withoutReceiptStatus().anyLevel().build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> w.opener().clockSkew(Duration.ofMinutes(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decryptionKey_importsAndRefusesPublicOrMismatched() {
        assertThat(w.bankKey.publicKey()).isEqualTo(w.bank.party().encryptionKey());
        assertThat(w.bankKey.toString()).doesNotContain("\"d\"");
        assertThatThrownBy(() -> PartyDecryptionKey.fromPrivateJwkJson(w.bank.party().encryptionKey().jwkJson()))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> mixed = new java.util.LinkedHashMap<>(StrictJson.parseObject(
                w.bank.encryptionPrivateJwk()));
        mixed.put("d", StrictJson.parseObject(ConsentFixtures.ecKey().toJSONString()).get("d"));
        assertThatThrownBy(() -> PartyDecryptionKey.fromPrivateJwkJson(StrictJson.writeString(mixed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining((String) mixed.get("d"));
        assertThatThrownBy(() -> PartyDecryptionKey.generateRsa(1024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasons_haveVietnameseAndEnglishMessages() {
        for (OpenReason r : OpenReason.values()) {
            assertThat(r.vietnamese()).isNotBlank().isNotEqualTo(r.english());
            assertThat(r.english()).isNotBlank();
        }
        assertThat(List.of(OpenReason.values())).hasSize(26);
        assertThat(Base64.getUrlDecoder().decode(jwe.split("\\.")[0])).asString(StandardCharsets.UTF_8)
                .doesNotContain("zip");
    }

    @Test
    void open_innerTimesOutOfOrderOrOutOfRange_rejectedMalformed() throws Exception {
        for (java.util.function.Consumer<Map<String, Object>> change : List.<java.util.function.Consumer<Map<String,
                Object>>>of(c -> c.put("exp", c.get("iat")), c -> c.put("iat", -1L),
                c -> c.put("exp", 253402300800L), c -> c.remove("iat"), c -> c.remove("receipt_id"),
                c -> c.put("jti", ""), c -> c.put("jti", "j".repeat(257)), c -> c.put("jti", 7))) {
            String changed = resignedInner(change);
            assertThat(reason(opener.open(encrypt(header().build(), changed), nonce))).isEqualTo(OpenReason.MALFORMED);
        }
    }

    @Test
    void open_innerLevelClaimsInconsistent_rejectedMalformed() throws Exception {
        @SuppressWarnings("unchecked")
        java.util.function.Function<Map<String, Object>, Map<String, Object>> verification = c ->
                (Map<String, Object>) ((Map<String, Object>) c.get("verified_claims")).get("verification");
        List<java.util.function.Consumer<Map<String, Object>>> changes = List.of(
                c -> verification.apply(c).put("assurance_level", "1"),
                c -> c.remove("acr"),
                c -> verification.apply(c).put("trust_framework", "eidas"),
                c -> verification.apply(c).put("time", "now"),
                c -> c.put("acr", "urn:vn:eid:loa:9"));
        for (java.util.function.Consumer<Map<String, Object>> change : changes) {
            String changed = resignedInner(c -> {
                Map<String, Object> vc = new java.util.LinkedHashMap<>(castMap(c.get("verified_claims")));
                vc.put("verification", new java.util.LinkedHashMap<>(castMap(vc.get("verification"))));
                c.put("verified_claims", vc);
                change.accept(c);
            });
            assertThat(reason(opener.open(encrypt(header().build(), changed), nonce))).isEqualTo(OpenReason.MALFORMED);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void open_deliveryPurposeOtherThanTheReceipts_rejectedWrongPurpose() throws Exception {
        String other = resignedInner(c -> c.put("purpose", "ewallet-link"));
        assertThat(reason(opener.open(encrypt(header().build(), other), nonce))).isEqualTo(OpenReason.WRONG_PURPOSE);
    }

    @Test
    void open_innerHeaderMemberNotAString_rejectedMalformed() throws Exception {
        for (String member : List.of("kid", "typ")) {
            ConsentFixtures.Parts p = ConsentFixtures.open(inner());
            p.header().put(member, 1);
            String bad = ConsentFixtures.signRaw(w.ring.current(), p.header(), p.claims());
            assertThat(reason(opener.open(encrypt(header().build(), bad), nonce))).as(member)
                    .isEqualTo(OpenReason.MALFORMED);
        }
        assertThat(reason(opener.open(encrypt(header().build(), "x.y"), nonce))).isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(opener.open(encrypt(header().build(), ".e30.AA"), nonce))).isEqualTo(OpenReason.MALFORMED);
    }
    /** The bank's opener without a replay guard, so that one package can be opened at several times. */
    private SharedDataOpener reusable() {
        return w.opener().receiptStatus(w.ledger).withoutReplayGuard().requiredLevel(AssuranceLevel.LEVEL_2).build();
    }

    /** The delivery with its outer JWE header replaced (the header checks run before decryption). */
    private String withHeader(java.util.function.Consumer<Map<String, Object>> change) {
        String[] p = jwe.split("\\.", -1);
        Map<String, Object> h = new java.util.LinkedHashMap<>(StrictJson.parseObject(
                new String(Base64.getUrlDecoder().decode(p[0]), StandardCharsets.UTF_8)));
        change.accept(h);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(StrictJson.writeString(h)
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + p[1] + "." + p[2] + "." + p[3] + "." + p[4];
    }

    @Test
    void open_expiryWithClockSkew_lastSecondOpens_atExpiryPlusSkewExpired() {
        SharedDataOpener o = reusable();
        w.clock.advance(SharingSealer.DEFAULT_TTL.plus(SharedDataOpener.DEFAULT_CLOCK_SKEW).minusSeconds(1));
        assertThat(o.open(jwe, nonce)).isInstanceOf(Opened.class);
        w.clock.advance(Duration.ofSeconds(1));
        OpenRejected r = o.open(jwe, nonce).rejected();
        assertThat(r.reason()).isEqualTo(OpenReason.EXPIRED);
        assertThat(r.detail()).contains("expired at");
    }

    @Test
    void open_issuedAheadOfTheClock_withinTheSkewOpens_beyondNotYetValid() {
        SharedDataOpener o = w.opener().withoutReceiptStatus().withoutReplayGuard().anyLevel().build();
        w.clock.set(w.clock.instant().minus(SharedDataOpener.DEFAULT_CLOCK_SKEW));
        assertThat(o.open(jwe, nonce)).isInstanceOf(Opened.class);
        w.clock.advance(Duration.ofSeconds(-1));
        assertThat(reason(o.open(jwe, nonce))).isEqualTo(OpenReason.NOT_YET_VALID);
    }

    @Test
    void open_innerTimesAtTheirOuterLimits_passTheFormatCheck() throws Exception {
        String lastSecond = resignedInner(c -> c.put("exp", 253402300799L));
        assertThat(reason(reusable().open(encrypt(header().build(), lastSecond), nonce)))
                .isEqualTo(OpenReason.LIFETIME_TOO_LONG);
        String epoch = resignedInner(c -> {
            c.put("iat", 0L);
            c.put("exp", 1L);
        });
        assertThat(reason(reusable().open(encrypt(header().build(), epoch), nonce))).isEqualTo(OpenReason.EXPIRED);
    }

    @Test
    void open_claimStringsUpTo256Characters() throws Exception {
        String jti = "j".repeat(256);
        Opened o = reusable().open(encrypt(header().build(), resignedInner(c -> c.put("jti", jti))), nonce).opened();
        assertThat(o.jti()).isEqualTo(jti);
        assertThat(o.issuer()).isEqualTo(ConsentFixtures.ISSUER);
        assertThat(o.issuedAt()).isEqualTo(w.clock.instant());
        assertThat(o.expiresAt()).isEqualTo(w.clock.instant().plus(SharingSealer.DEFAULT_TTL));
    }

    @Test
    void open_amr_oneToEightDistinctShortStrings() throws Exception {
        List<Object> eight = List.of("face", "pwd", "otp", "sms", "hwk", "swk", "pin", "x".repeat(32));
        assertThat(reusable().open(encrypt(header().build(), resignedInner(c -> c.put("amr", eight))), nonce))
                .isInstanceOf(Opened.class);
        List<Object> nine = new java.util.ArrayList<>(eight);
        nine.add("kba");
        for (Object bad : List.of(List.of(), nine, List.of("face", "face"), List.of("face", ""),
                List.of("face", "x".repeat(33)), List.of("face", 1), "face")) {
            String changed = resignedInner(c -> c.put("amr", bad));
            assertThat(reason(reusable().open(encrypt(header().build(), changed), nonce))).as(String.valueOf(bad))
                    .isEqualTo(OpenReason.MALFORMED);
        }
        String noAmr = resignedInner(c -> c.remove("amr"));
        assertThat(reason(reusable().open(encrypt(header().build(), noAmr), nonce)))
                .isEqualTo(OpenReason.LEVEL_WITHOUT_METHOD);
    }

    @Test
    void open_withoutAnyLevelClaim_opensWithoutLevel_amrAloneMalformed() throws Exception {
        @SuppressWarnings("unchecked")
        java.util.function.Consumer<Map<String, Object>> noLevel = c -> {
            c.remove("acr");
            Map<String, Object> vc = new java.util.LinkedHashMap<>(castMap(c.get("verified_claims")));
            Map<String, Object> verification = new java.util.LinkedHashMap<>(castMap(vc.get("verification")));
            verification.remove("assurance_level");
            vc.put("verification", verification);
            c.put("verified_claims", vc);
        };
        SharedDataOpener any = w.opener().receiptStatus(w.ledger).withoutReplayGuard().anyLevel().build();
        String amrAlone = resignedInner(noLevel);
        assertThat(reason(any.open(encrypt(header().build(), amrAlone), nonce))).isEqualTo(OpenReason.MALFORMED);
        String none = resignedInner(noLevel.andThen(c -> c.remove("amr")));
        assertThat(any.open(encrypt(header().build(), none), nonce).opened().level()).isEmpty();
        OpenRejected r = reusable().open(encrypt(header().build(), none), nonce).rejected();
        assertThat(r.reason()).isEqualTo(OpenReason.INSUFFICIENT_LEVEL);
        assertThat(r.detail()).contains("no level");
    }

    @Test
    void open_outerHeader_membersKidAndEpkChecked_beforeDecryption() {
        assertThat(reason(opener.open(withHeader(h -> h.remove("epk")), nonce))).isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(opener.open(withHeader(h -> h.put("kid", 5)), nonce))).isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(opener.open(withHeader(h -> h.put("x5u", "https://evil.example/")), nonce)))
                .isEqualTo(OpenReason.MALFORMED);
        // allowed members and an absent kid pass the header checks; the changed header then fails decryption
        assertThat(reason(opener.open(withHeader(h -> h.remove("kid")), nonce)))
                .isEqualTo(OpenReason.DECRYPTION_FAILED);
        assertThat(reason(opener.open(withHeader(h -> h.put("apu", "QQ")), nonce)))
                .isEqualTo(OpenReason.DECRYPTION_FAILED);
        String[] p = jwe.split("\\.", -1);
        assertThat(reason(opener.open(p[0] + ".." + p[2] + "." + p[3] + "." + p[4], nonce)))
                .isEqualTo(OpenReason.MALFORMED);
    }

    @Test
    void open_innerHeaderExtensions_refused() throws Exception {
        for (String member : List.of("zip", "b64")) {
            ConsentFixtures.Parts p = ConsentFixtures.open(inner());
            p.header().put(member, member.equals("zip") ? "DEF" : false);
            String bad = ConsentFixtures.signRaw(w.ring.current(), p.header(), p.claims());
            assertThat(reason(opener.open(encrypt(header().build(), bad), nonce))).as(member)
                    .isEqualTo(OpenReason.MALFORMED);
        }
        ConsentFixtures.Parts p = ConsentFixtures.open(inner());
        p.header().put("crit", List.of("exp"));
        String crit = ConsentFixtures.signRaw(w.ring.current(), p.header(), p.claims());
        assertThat(reason(opener.open(encrypt(header().build(), crit), nonce)))
                .isEqualTo(OpenReason.UNSUPPORTED_CRITICAL_HEADER);
    }

    @Test
    void open_nonceExpectedButAbsent_wrongNonce() throws Exception {
        OpenRejected r = opener.open(encrypt(header().build(), resignedInner(c -> c.remove("nonce"))), nonce)
                .rejected();
        assertThat(r.reason()).isEqualTo(OpenReason.WRONG_NONCE);
        assertThat(r.detail()).contains("no nonce");
    }

    @Test
    void open_replayGuardFullOrFailing_checkUnavailable_neverOpened() {
        SharedDataOpener full = w.opener().receiptStatus(w.ledger).anyLevel()
                .replayGuard((key, until, now) -> io.github.eidvn.verifier.ReplayGuard.Outcome.CAPACITY_EXCEEDED)
                .build();
        assertThat(reason(full.open(jwe, nonce))).isEqualTo(OpenReason.CHECK_UNAVAILABLE);
        SharedDataOpener failing = w.opener().receiptStatus(w.ledger).anyLevel().replayGuard((key, until, now) -> {
            throw new IllegalStateException("store down");
        }).build();
        assertThat(reason(failing.open(jwe, nonce))).isEqualTo(OpenReason.CHECK_UNAVAILABLE);
    }

    @Test
    void open_expectedPurpose_deliveryWithoutPurpose_wrongPurpose() throws Exception {
        String noPurpose = resignedInner(c -> c.remove("purpose"));
        SharedDataOpener o = w.opener().receiptStatus(w.ledger).expectedPurpose("bank-ekyc").anyLevel().build();
        OpenRejected r = o.open(encrypt(header().build(), noPurpose), nonce).rejected();
        assertThat(r.reason()).isEqualTo(OpenReason.WRONG_PURPOSE);
        assertThat(r.detail()).contains("no purpose");
        assertThat(w.opener().receiptStatus(w.ledger).anyLevel().build().open(encrypt(header().build(), noPurpose),
                nonce).opened().purpose()).isEmpty();
    }

    @Test
    void builder_expectedIssuers_nonEmptyNames_skewUpToTheMaximum() {
        assertThatThrownBy(() -> SharedDataOpener.builder().expectedIssuers(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedDataOpener.builder().expectedIssuers(List.of(ConsentFixtures.ISSUER, "")))
                .isInstanceOf(IllegalArgumentException.class);
        SharedDataOpener.builder().clockSkew(Duration.ZERO);
        SharedDataOpener.builder().clockSkew(SharedDataOpener.MAX_CLOCK_SKEW);
        assertThatThrownBy(() -> SharedDataOpener.builder().clockSkew(SharedDataOpener.MAX_CLOCK_SKEW.plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        SharedDataOpener.Builder b = SharedDataOpener.builder().maxLifetime(Duration.ofMinutes(5));
        assertThatThrownBy(() -> b.maxLifetime(Duration.ofMinutes(5))).isInstanceOf(IllegalStateException.class);
        String s = w.opener().withoutReceiptStatus().anyLevel().build().toString();
        assertThat(s).contains("level=any", "receiptStatus=false", "purpose=null", ConsentFixtures.ISSUER);
        assertThat(opener.toString()).contains("level=LEVEL_2", "receiptStatus=true");
    }
    @Test
    void open_levelClaimsAlone_assuranceLevelWithoutAcr_malformed() throws Exception {
        String alone = resignedInner(c -> {
            c.remove("acr");
            c.remove("amr");
        });
        assertThat(reason(w.opener().receiptStatus(w.ledger).withoutReplayGuard().anyLevel().build()
                .open(encrypt(header().build(), alone), nonce))).isEqualTo(OpenReason.MALFORMED);
    }

    @Test
    void open_deliveryWithoutNonceOrSubject_opensWithoutThem_whenNoneExpected() throws Exception {
        String bare = resignedInner(c -> {
            c.remove("nonce");
            c.remove("sub");
        });
        Opened o = w.opener().receiptStatus(w.ledger).anyLevel().build().open(encrypt(header().build(), bare))
                .opened();
        assertThat(o.subject()).isEmpty();
        assertThat(o.isOpened()).isTrue();
        assertThat(o.toString()).startsWith("Opened[").contains("receipt=" + issued.receipt().id());
        OpenRejected r = opener.open("x", nonce).rejected();
        assertThat(r.isOpened()).isFalse();
    }

    @Test
    void open_zeroClockSkew_expiresAtExp() {
        SharedDataOpener strict = w.opener().clockSkew(Duration.ZERO).withoutReceiptStatus().withoutReplayGuard()
                .anyLevel().build();
        w.clock.advance(SharingSealer.DEFAULT_TTL.minusSeconds(1));
        assertThat(strict.open(jwe, nonce)).isInstanceOf(Opened.class);
        w.clock.advance(Duration.ofSeconds(1));
        assertThat(reason(strict.open(jwe, nonce))).isEqualTo(OpenReason.EXPIRED);
    }

    @Test
    void open_headerThatIsNotAJweHeader_malformed() {
        assertThat(reason(opener.open(withHeader(h -> h.put("epk", Map.of("kty", "EC"))), nonce)))
                .isEqualTo(OpenReason.MALFORMED);
    }

    @Test
    void builder_levelChosenOnce_replayGuardOrNone() {
        assertThatThrownBy(() -> SharedDataOpener.builder().anyLevel().anyLevel())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SharedDataOpener.builder().anyLevel().requiredLevel(AssuranceLevel.LEVEL_2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> w.opener().receiptStatus(w.ledger).anyLevel()
                .replayGuard(io.github.eidvn.verifier.InMemoryReplayGuard.withCapacity(5)).withoutReplayGuard()
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("conflict");
    }

    @Test
    void decryptionKey_rsaOfTheMinimumSize_generated_publicRsaJwkRefused() {
        assertThat(PartyDecryptionKey.generateRsa(2048).publicKey().jweAlgorithm()).startsWith("RSA");
        assertThatThrownBy(() -> PartyDecryptionKey.generateRsa(2047)).isInstanceOf(IllegalArgumentException.class);
        String publicRsa = ConsentFixtures.rsaKey(2048).toPublicJWK().toJSONString();
        assertThatThrownBy(() -> PartyDecryptionKey.fromPrivateJwkJson(publicRsa))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
