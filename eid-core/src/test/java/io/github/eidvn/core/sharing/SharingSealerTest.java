package io.github.eidvn.core.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.PartyEncryptionKey;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

class SharingSealerTest {

    private static final Set<CitizenField> ASKED = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
            CitizenField.BIRTHDATE, CitizenField.PERMANENT_RESIDENCE);
    private static final PersonalNumber CITIZEN = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);

    private SettableClock clock;
    private KeyRing ring;
    private ConsentFixtures.Party bank;
    private ConsentLedger ledger;
    private ConsentReceiptIssuer.Issued issued;
    private SharingSealer sealer;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at(AssertionFixtures.NOW);
        ring = KeyRing.generate();
        bank = ConsentFixtures.bank();
        CitizenReferences refs = CitizenReferences.of(ConsentFixtures.secret());
        ledger = ConsentLedger.builder().store(InMemoryStateStore.create(clock)).references(refs).clock(clock)
                .build();
        String request = ConsentRequestSigner.builder().partyId("vcb-bank").signingKey(bank.signingKey())
                .audience(ConsentFixtures.ISSUER).clock(clock).build().request("bank-ekyc", ASKED).sign()
                .compactJws();
        VerifiedRequest v = (VerifiedRequest) ConsentRequestVerifier.builder()
                .registry(ConsentFixtures.registry(bank)).audience(ConsentFixtures.ISSUER).clock(clock).build()
                .verify(request);
        issued = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring).references(refs)
                .clock(clock).build().grant(v, CITIZEN, EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE),
                        Duration.ofDays(30));
        ledger.record(CITIZEN, issued);
        sealer = SharingSealer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring).clock(clock)
                .receiptStatus(ledger).build();
    }

    private SealRequest request() {
        return SealRequest.forReceipt(issued.receipt(), bank.party().encryptionKey()).claims(ConsentFixtures.claims())
                .level(AssuranceLevel.LEVEL_2).methods("face").build();
    }

    @Test
    void seal_ec_isEcdhEsA256kwA256gcmNestingASignedJwtWithOnlyTheGrantedFields() throws Exception {
        SealResult.Sealed sealed = (SealResult.Sealed) sealer.seal(request());
        JWEObject jwe = JWEObject.parse(sealed.compactJwe());
        assertThat(jwe.getHeader().getAlgorithm().getName()).isEqualTo("ECDH-ES+A256KW");
        assertThat(jwe.getHeader().getEncryptionMethod().getName()).isEqualTo("A256GCM");
        assertThat(jwe.getHeader().getContentType()).isEqualTo("JWT");
        assertThat(jwe.getHeader().getKeyID()).isEqualTo(bank.party().encryptionKey().kid());
        assertThat(jwe.getHeader().getCompressionAlgorithm()).isNull();
        jwe.decrypt(new ECDHDecrypter((ECKey) JWK.parse(bank.encryptionPrivateJwk())));
        JWSObject inner = jwe.getPayload().toJWSObject();
        assertThat(inner.verify(new ECDSAVerifier(ring.current().publicKey()))).isTrue();
        assertThat(inner.getHeader().getType().toString()).isEqualTo("vneid-share+jwt");
        Map<String, Object> claims = inner.getPayload().toJSONObject();
        assertThat(claims).containsEntry("aud", "vcb-bank").containsEntry("receipt_id", issued.receipt().id())
                .containsEntry("nonce", issued.receipt().requestNonce()).containsEntry("acr", "urn:vn:eid:loa:2")
                .containsEntry("sub", issued.receipt().citizenRef()).containsEntry("purpose", "bank-ekyc");
        @SuppressWarnings("unchecked")
        Map<String, Object> citizen = (Map<String, Object>) ((Map<String, Object>) claims.get("verified_claims"))
                .get("claims");
        assertThat(citizen).containsOnlyKeys("name", "birthdate");
        assertThat(sealed.expiresAt()).isEqualTo(AssertionFixtures.NOW.plus(SharingSealer.DEFAULT_TTL));
    }

    @Test
    void seal_rsa_isRsaOaep256() throws Exception {
        JWK rsa = ConsentFixtures.rsaKey(2048);
        SealRequest r = SealRequest.builder().to(PartyEncryptionKey.fromJwkJson(rsa.toPublicJWK().toJSONString()))
                .audience("bv-cho-ray").receiptId("r-1").fields(EnumSet.of(CitizenField.HEALTH_INSURANCE))
                .claims(ConsentFixtures.claims()).build();
        SharingSealer noLedger = SharingSealer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring).clock(clock)
                .withoutReceiptStatus().build();
        JWEObject jwe = JWEObject.parse(((SealResult.Sealed) noLedger.seal(r)).compactJwe());
        assertThat(jwe.getHeader().getAlgorithm().getName()).isEqualTo("RSA-OAEP-256");
        jwe.decrypt(new RSADecrypter((RSAKey) rsa));
        assertThat(jwe.getPayload().toJWSObject().getPayload().toJSONObject()).doesNotContainKey("nonce");
    }

    @Test
    void seal_afterWithdrawal_refused() {
        ledger.withdraw(CITIZEN, issued.receipt().id());
        SealResult r = sealer.seal(request());
        assertThat(r).isEqualTo(new SealResult.Refused(ReceiptState.Status.WITHDRAWN, "the receipt is WITHDRAWN"));
    }

    @Test
    void seal_afterTheConsentEnds_refused() {
        clock.advance(Duration.ofDays(30));
        assertThat(((SealResult.Refused) sealer.seal(request())).status()).isEqualTo(ReceiptState.Status.EXPIRED);
    }

    @Test
    void seal_fieldsBeyondTheReceipt_refused() {
        SealRequest r = SealRequest.builder().to(bank.party().encryptionKey()).audience("vcb-bank")
                .receiptId(issued.receipt().id()).fields(EnumSet.of(CitizenField.NAME, CitizenField.PHONE_NUMBER))
                .claims(ConsentFixtures.claims()).build();
        SealResult.Refused refused = (SealResult.Refused) sealer.seal(r);
        assertThat(refused.status()).isEqualTo(ReceiptState.Status.ACTIVE);
        assertThat(refused.detail()).contains("PHONE_NUMBER");
    }

    @Test
    void seal_deliveryNeverOutlivesTheReceipt() {
        clock.advance(Duration.ofDays(30).minusMinutes(2));
        SealResult.Sealed s = (SealResult.Sealed) sealer.seal(request());
        assertThat(s.expiresAt()).isEqualTo(issued.receipt().expiresAt());
    }

    @Test
    void builder_mustChooseReceiptStatusOrNot() {
        assertThatThrownBy(() -> SharingSealer.builder().issuer("a").keyRing(ring).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SharingSealer.builder().issuer("a").keyRing(ring).receiptStatus(ledger)
                .withoutReceiptStatus().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.seal(SealRequest.forReceipt(issued.receipt(), bank.party().encryptionKey())
                .claims(ConsentFixtures.claims()).ttl(Duration.ofHours(2)).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
