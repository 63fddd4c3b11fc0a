package io.github.eidvn.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.PartyEncryptionKey;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;

/**
 * Fixed TEST-ONLY keys for the fuzz targets, so that their committed seed inputs (tokens signed, QR texts and JWEs
 * made once by {@code io.github.eidvn.verifier.FuzzSeedGenerator}) stay valid from run to run. These private keys are
 * public knowledge: never use them outside tests.
 */
public final class FuzzKeys {

    /** The party id of the fixed bank. */
    public static final String BANK_ID = "vcb-bank";

    private FuzzKeys() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = FuzzKeys.class.getResourceAsStream("fuzz-keys.properties")) {
            if (in == null) {
                throw new IllegalStateException("fuzz-keys.properties missing from the test resources");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** @return the fixed issuer key ring (one ES256 key) */
    public static KeyRing issuerRing() {
        return KeyRing.fromPrivateJwksJson(load().getProperty("issuer.jwks"));
    }

    /** @return the fixed bank's private request-signing key */
    public static SigningKey bankSigningKey() {
        return SigningKey.fromPrivateJwkJson(load().getProperty("bank.signing.jwk"));
    }

    /** @return the fixed bank's private EC encryption JWK (JSON) */
    public static String bankEncryptionPrivateJwk() {
        return load().getProperty("bank.encryption.jwk");
    }

    /**
     * The fixed bank, registered for {@code bank-ekyc} with every field, as {@link ConsentFixtures#bank()} but with
     * the fixed keys.
     *
     * @return the party
     */
    public static ConsentFixtures.Party bank() {
        return bank(bankSigningKey(), bankEncryptionPrivateJwk());
    }

    /**
     * The bank registration with given keys (for the seed generator, before the keys are committed).
     *
     * @param signing the request-signing key
     * @param encryptionPrivateJwk the private EC encryption JWK (JSON)
     * @return the party
     */
    public static ConsentFixtures.Party bank(SigningKey signing, String encryptionPrivateJwk) {
        String publicEncryptionJwk;
        try {
            publicEncryptionJwk = com.nimbusds.jose.jwk.JWK.parse(encryptionPrivateJwk).toPublicJWK()
                    .toJSONString();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        RelyingParty party = RelyingParty.builder().id(BANK_ID)
                .legalName("Đơn vị " + BANK_ID, "Organisation " + BANK_ID)
                .contact("dpo@" + BANK_ID + ".example.vn")
                .signingJwks("{\"keys\":[" + signing.publicJwkJson() + "]}")
                .encryptionKey(PartyEncryptionKey.fromJwkJson(publicEncryptionJwk))
                .purpose(PurposeCatalogue.standard().find("bank-ekyc").orElseThrow())
                .build();
        return new ConsentFixtures.Party(signing, encryptionPrivateJwk, party);
    }

    /**
     * @param party the party
     * @return a registry holding only it
     */
    public static InMemoryRelyingPartyRegistry registry(ConsentFixtures.Party party) {
        return ConsentFixtures.registry(List.of(party).toArray(new ConsentFixtures.Party[0]));
    }
}
