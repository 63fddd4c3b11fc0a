package io.github.eidvn.verifier.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Rejected;
import io.github.eidvn.verifier.VerificationResult;
import io.github.eidvn.verifier.Verified;

/** Known JOSE/JWT attacks, each with the reason it must produce. */
class JoseAttackTest {

    private final KeyRing ring = KeyRing.generate();
    private final SigningKey trusted = ring.current();
    private final SigningKey attacker = SigningKey.generate();
    private final TrustStore trust = TrustStore.fromJwks(ring.publicJwksJson());
    private final AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clock());
    private final String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());

    private AssertionVerifier verifier() {
        return verifier(trust);
    }

    private static AssertionVerifier verifier(TrustStore store) {
        return AssertionVerifier.builder().trustStore(store).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
    }

    private static Reason reason(VerificationResult r) {
        assertThat(r).as("must be rejected: %s", r).isInstanceOf(Rejected.class);
        return ((Rejected) r).reason();
    }

    private Map<String, Object> header() {
        return AttackKit.header(jwt);
    }

    private Map<String, Object> claims() {
        return AttackKit.claims(jwt);
    }

    @Test
    void algNone_rejectedWithDisallowedAlgorithm() {
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            Map<String, Object> h = header();
            h.put("alg", none);
            String token = AttackKit.b64(StrictJson.write(h)) + "." + AttackKit.b64(StrictJson.write(claims())) + ".";
            assertThat(reason(verifier().verify(token))).as(none).isEqualTo(Reason.DISALLOWED_ALGORITHM);
            h.remove("kid");
            String noKid = AttackKit.b64(StrictJson.write(h)) + "." + AttackKit.b64(StrictJson.write(claims())) + ".";
            assertThat(reason(verifier().verify(noKid))).as(none).isEqualTo(Reason.DISALLOWED_ALGORITHM);
        }
    }

    @Test
    void hs256KeyedWithThePublicKey_rejectedWithDisallowedAlgorithm() throws Exception {
        Map<String, Object> h = header();
        h.put("alg", "HS256");
        String input = AttackKit.b64(StrictJson.write(h)) + "." + AttackKit.b64(StrictJson.write(claims()));
        for (byte[] secret : List.of(trusted.publicKey().getEncoded(),
                trusted.publicJwkJson().getBytes(StandardCharsets.UTF_8),
                ring.publicJwksJson().getBytes(StandardCharsets.UTF_8))) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String token = input + "." + AttackKit.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            assertThat(reason(verifier().verify(token))).isEqualTo(Reason.DISALLOWED_ALGORITHM);
        }
    }

    @Test
    void otherAlgorithmThanThePinnedOne_rejectedWithDisallowedAlgorithm() {
        for (String alg : List.of("RS256", "PS256", "ES384", "ES512", "EdDSA", "ES256K", "es256")) {
            Map<String, Object> h = header();
            h.put("alg", alg);
            assertThat(reason(verifier().verify(AttackKit.sign(trusted, h, claims())))).as(alg)
                    .isEqualTo(Reason.DISALLOWED_ALGORITHM);
        }
    }

    @Test
    void es256TokenForAnRsaKeyWithTheSameKid_rejectedWithDisallowedAlgorithm() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
        TrustStore store = TrustStore.fromJwks("{\"keys\":[" + rsa.toPublicJWK().toJSONString() + "]}");
        Map<String, Object> h = header();
        h.put("kid", "k1");
        assertThat(reason(verifier(store).verify(AttackKit.sign(attacker, h, claims()))))
                .isEqualTo(Reason.DISALLOWED_ALGORITHM);
    }

    @Test
    void embeddedJwkJkuX5uX5c_neverTrusted() throws Exception {
        ECKey attackerJwk = com.nimbusds.jose.jwk.JWK.parse(attacker.publicJwkJson()).toECKey();
        List<Map<String, Object>> tricks = List.of(
                Map.of("jwk", StrictJson.parseObject(attackerJwk.toJSONString())),
                Map.of("jku", "https://attacker.example/jwks.json"),
                Map.of("x5u", "https://attacker.example/cert.pem"),
                Map.of("x5c", List.of(AttackKit.b64("not a certificate").replace('-', '+').replace('_', '/'))));
        for (Map<String, Object> trick : tricks) {
            Map<String, Object> ownKid = header();
            ownKid.putAll(trick);
            ownKid.put("kid", attacker.kid());
            assertThat(reason(verifier().verify(AttackKit.sign(attacker, ownKid, claims())))).as("%s", trick.keySet())
                    .isIn(Reason.UNKNOWN_KEY, Reason.MALFORMED);
            Map<String, Object> trustedKid = header();
            trustedKid.putAll(trick);
            assertThat(reason(verifier().verify(AttackKit.sign(attacker, trustedKid, claims()))))
                    .as("%s", trick.keySet()).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED);
            Map<String, Object> noKid = header();
            noKid.putAll(trick);
            noKid.remove("kid");
            assertThat(reason(verifier().verify(AttackKit.sign(attacker, noKid, claims()))))
                    .as("%s", trick.keySet()).isEqualTo(Reason.UNKNOWN_KEY);
        }
        // the embedded-jwk variants are refused at key selection / signature, not by parsing
        Map<String, Object> h = header();
        h.put("jwk", StrictJson.parseObject(attackerJwk.toJSONString()));
        assertThat(reason(verifier().verify(AttackKit.sign(attacker, h, claims())))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void unknownCrit_rejected() {
        Map<String, Object> h = header();
        h.put("crit", List.of("eid-ext"));
        h.put("eid-ext", true);
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, h, claims()))))
                .isEqualTo(Reason.UNSUPPORTED_CRITICAL_HEADER);
        Map<String, Object> registered = header();
        registered.put("crit", List.of("exp"));
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, registered, claims()))))
                .isIn(Reason.UNSUPPORTED_CRITICAL_HEADER, Reason.MALFORMED);
    }

    @Test
    void b64HeaderUnencodedPayload_rejectedAsMalformed() {
        Map<String, Object> h = header();
        h.put("b64", false);
        h.put("crit", List.of("b64"));
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, h, claims())))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void deflateBomb_rejectedWithTooLarge_signedOrNot() {
        Map<String, Object> h = new LinkedHashMap<>(AttackKit.header(issuer.issueForQr(AssertionFixtures.hospitalRequest())));
        byte[] bomb = RawDeflate.deflate(new byte[RawDeflate.MAX_INFLATED_BYTES + 1]);
        String signed = AttackKit.sign(trusted, StrictJson.writeString(h), bomb);
        assertThat(signed.length()).isLessThan(AssertionVerifier.MAX_COMPACT_CHARS);
        assertThat(reason(verifier().verify(signed))).isEqualTo(Reason.TOO_LARGE);
        String unsigned = AttackKit.withPart(signed, 2, AttackKit.b64(new byte[64]));
        assertThat(reason(verifier().verify(unsigned))).isEqualTo(Reason.TOO_LARGE);
        byte[] spaces = new byte[5 * 1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        byte[] bigBomb = RawDeflate.deflate(spaces);
        String big = AttackKit.sign(attacker, StrictJson.writeString(h), bigBomb);
        assertThat(reason(verifier().verify(big))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void oversizeText_rejectedWithTooLarge_beforeParsing() {
        assertThat(reason(verifier().verify("a".repeat(AssertionVerifier.MAX_COMPACT_CHARS + 1))))
                .isEqualTo(Reason.TOO_LARGE);
        assertThat(reason(verifier().verify("a".repeat(AssertionVerifier.MAX_COMPACT_CHARS))))
                .isEqualTo(Reason.MALFORMED);
        Map<String, Object> c = claims();
        Map<String, Object> vc = new LinkedHashMap<>(AssertionFixtures.asMap(c.get("verified_claims")));
        Map<String, Object> citizen = new LinkedHashMap<>(AssertionFixtures.asMap(vc.get("claims")));
        citizen.put("address", Map.of("formatted", "x".repeat(300), "street_address", "y".repeat(300),
                "locality", "z".repeat(300), "region", "w".repeat(300), "country", "v".repeat(300),
                "postal_code", "u".repeat(300)));
        citizen.put("name", "n".repeat(200));
        vc.put("claims", citizen);
        c.put("verified_claims", vc);
        c.put("iss", "i".repeat(256));
        List<String> audiences = new java.util.ArrayList<>(List.of("79024"));
        for (char ch = 'a'; ch < 'p'; ch++) {
            audiences.add(String.valueOf(ch).repeat(256));
        }
        c.put("aud", audiences);
        String large = AttackKit.sign(trusted, header(), c);
        assertThat(large.length()).isGreaterThan(AssertionVerifier.MAX_COMPACT_CHARS);
        assertThat(reason(verifier().verify(large))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void keyRotation_oldKeyTokenVerifiesWhileInTheRing_thenUnknownOnceRetired() {
        String oldJwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        String oldQr = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        KeyRing rotated = ring.rotate();
        AssertionVerifier afterRotation = verifier(TrustStore.fromJwks(rotated.publicJwksJson()));
        assertThat(afterRotation.verify(oldJwt)).isInstanceOf(Verified.class);
        assertThat(afterRotation.verify(oldQr)).isInstanceOf(Verified.class);
        String newJwt = AssertionFixtures.issuer(rotated, AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        assertThat(((Verified) afterRotation.verify(newJwt)).assertion().kid()).isEqualTo(rotated.current().kid());
        KeyRing retired = rotated.retire(ring.current().kid());
        AssertionVerifier afterRetire = verifier(TrustStore.fromJwks(retired.publicJwksJson()));
        assertThat(reason(afterRetire.verify(issuer.issueJwt(AssertionFixtures.hospitalRequest()))))
                .isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(reason(afterRetire.verify(issuer.issueForQr(AssertionFixtures.hospitalRequest()))))
                .isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void twoKeysWithTheSameKid_eachTried() throws Exception {
        ECKey a = new ECKeyGenerator(Curve.P_256).generate();
        ECKey b = new ECKeyGenerator(Curve.P_256).generate();
        ECKey c = new ECKeyGenerator(Curve.P_256).generate();
        String jwks = "{\"keys\":[" + new ECKey.Builder(a).keyID("shared").build().toPublicJWK().toJSONString() + ","
                + new ECKey.Builder(b).keyID("shared").build().toPublicJWK().toJSONString() + "]}";
        AssertionVerifier v = AssertionVerifier.builder().trustStore(TrustStore.fromJwks(jwks))
                .clock(AssertionFixtures.clock()).expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
        Map<String, Object> h = header();
        h.put("kid", "shared");
        for (ECKey signer : List.of(a, b)) {
            SigningKey key = SigningKey.fromPrivateJwkJson(signer.toJSONString());
            Map<String, Object> fresh = claims();
            fresh.put("jti", AttackKit.b64(signer.computeThumbprint().decode()).substring(0, 16));
            VerificationResult r = v.verify(AttackKit.sign(key, h, fresh));
            assertThat(r).isInstanceOf(Verified.class);
            assertThat(((Verified) r).assertion().kid()).isEqualTo("shared");
        }
        SigningKey outsider = SigningKey.fromPrivateJwkJson(c.toJSONString());
        assertThat(reason(v.verify(AttackKit.sign(outsider, h, claims())))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void shortKidBelowEightCharacters_unknownKey() {
        String qr = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        Map<String, Object> h = AttackKit.header(qr);
        h.put("kid", trusted.kid().substring(0, 7));
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, h, AttackKit.claims(qr)))))
                .isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void wrongOrMissingTyp_rejectedWithWrongType() {
        for (Object typ : new Object[] {"JWT", "at+jwt", "vneid-assertion", null}) {
            Map<String, Object> h = header();
            if (typ == null) {
                h.remove("typ");
            } else {
                h.put("typ", typ);
            }
            assertThat(reason(verifier().verify(AttackKit.sign(trusted, h, claims())))).as("%s", typ)
                    .isEqualTo(Reason.WRONG_TYPE);
        }
        Map<String, Object> qrTypNoZip = header();
        qrTypNoZip.put("typ", AssertionIssuer.QR_TYPE);
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, qrTypNoZip, claims()))))
                .isEqualTo(Reason.WRONG_TYPE);
        Map<String, Object> jwtTypWithZip = header();
        jwtTypWithZip.put("zip", "DEF");
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, jwtTypWithZip, claims()))))
                .isEqualTo(Reason.WRONG_TYPE);
        Map<String, Object> mediaType = header();
        mediaType.put("typ", "application/VNEID-ASSERTION+JWT");
        assertThat(verifier().verify(AttackKit.sign(trusted, mediaType, claims()))).isInstanceOf(Verified.class);
    }

    @Test
    void standardClaimsUnderTheQrTyp_rejectedAsMalformed() {
        Map<String, Object> h = AttackKit.header(issuer.issueForQr(AssertionFixtures.hospitalRequest()));
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, h, claims())))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void duplicateHeaderMember_rejectedAsMalformed() {
        String token = jwt;
        String headerJson = StrictJson.writeString(header()).replaceFirst("\\{", "{\"alg\":\"none\",");
        String forged = AttackKit.sign(trusted, headerJson, StrictJson.write(claims()));
        assertThat(reason(verifier().verify(forged))).isEqualTo(Reason.MALFORMED);
        assertThat(verifier().verify(token)).isInstanceOf(Verified.class);
    }

    @Test
    void nonCanonicalBase64Signature_rejectedAsMalformed() {
        String sig = jwt.substring(jwt.lastIndexOf('.') + 1);
        char last = sig.charAt(sig.length() - 1);
        // 64 bytes = 86 characters: the last character carries 4 data bits and 2 unused bits
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int v = alphabet.indexOf(last);
        String sameBytes = sig.substring(0, sig.length() - 1) + alphabet.charAt(v ^ 1);
        assertThat(java.util.Base64.getUrlDecoder().decode(sameBytes))
                .isEqualTo(java.util.Base64.getUrlDecoder().decode(sig));
        assertThat(reason(verifier().verify(AttackKit.withPart(jwt, 2, sameBytes)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void otherZip_rejectedAsMalformed() {
        Map<String, Object> h = header();
        h.put("zip", "GZIP");
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, h, claims())))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void unknownClaimInSignedPayload_rejectedAsMalformed() {
        Map<String, Object> c = claims();
        c.put("admin", true);
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, header(), c)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void signedNonJsonPayload_rejectedAsMalformed() {
        String token = AttackKit.sign(trusted, StrictJson.writeString(header()),
                "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(reason(verifier().verify(token))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void truncatedOrPaddedSignature_rejected() {
        String sig = jwt.substring(jwt.lastIndexOf('.') + 1);
        byte[] raw = java.util.Base64.getUrlDecoder().decode(sig);
        assertThat(reason(verifier().verify(AttackKit.withPart(jwt, 2, AttackKit.b64(Arrays.copyOf(raw, 63))))))
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reason(verifier().verify(AttackKit.withPart(jwt, 2, AttackKit.b64(Arrays.copyOf(raw, 65))))))
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reason(verifier().verify(AttackKit.withPart(jwt, 2, "")))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reason(verifier().verify(AttackKit.withPart(jwt, 2, AttackKit.b64(new byte[64])))))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void missingJtiWithReplayGuard_rejectedAsMalformed() {
        Map<String, Object> c = claims();
        c.remove("jti");
        assertThat(reason(verifier().verify(AttackKit.sign(trusted, header(), c)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void tokenSignedByAnUntrustedKeyWithItsOwnKid_unknownKey() {
        String foreign = AssertionFixtures.issuer(KeyRing.generate(), AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        assertThat(reason(verifier().verify(foreign))).isEqualTo(Reason.UNKNOWN_KEY);
    }
}
