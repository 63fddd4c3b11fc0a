package io.github.eidvn.core.consent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.internal.Base64Url;

/**
 * Pseudonymous citizen references, keyed by the issuer's secret, so that no raw personal number appears where it was
 * not granted.
 *
 * <ul>
 *   <li>{@link #forParty(String, PersonalNumber)}: a pairwise reference, different for every party, written on the
 *       consent receipt and as the delivery's {@code sub}: {@code base64url(HMAC-SHA256(secret, partyId || number))}
 *       (the number is always the last 12 ASCII digits, so the concatenation is unambiguous). Two parties cannot link
 *       their customers by it; the same party sees the same reference across consents.</li>
 *   <li>the ledger reference: the citizen's key in the {@link ConsentLedger}, under a key derived from the secret for
 *       that use only, so it never equals a pairwise reference.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security:</b> the secret is as sensitive as a signing key: whoever holds it can test guesses of personal
 * numbers against references. {@link #toString()} never shows it.
 */
public final class CitizenReferences {

    /** The shortest secret accepted, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec partyKey;
    private final SecretKeySpec ledgerKey;

    private CitizenReferences(byte[] secret) {
        this.partyKey = new SecretKeySpec(secret, HMAC);
        this.ledgerKey = new SecretKeySpec(hmac(partyKey, "eid consent ledger index key".getBytes(
                StandardCharsets.US_ASCII)), HMAC);
    }

    /**
     * References under a secret.
     *
     * @param secret at least {@value #MIN_SECRET_BYTES} random bytes (copied)
     * @return the references
     * @throws IllegalArgumentException when the secret is shorter
     */
    public static CitizenReferences of(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        return new CitizenReferences(secret.clone());
    }

    /**
     * References under a fresh random 32-byte secret (tests, examples; a deployment keeps its secret).
     *
     * @return the references
     */
    public static CitizenReferences generate() {
        byte[] s = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(s);
        return new CitizenReferences(s);
    }

    /**
     * The pairwise reference of a citizen for a party.
     *
     * @param partyId the party id
     * @param citizen the citizen's personal number
     * @return 43 base64url characters
     */
    public String forParty(String partyId, PersonalNumber citizen) {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(citizen, "citizen");
        byte[] id = partyId.getBytes(StandardCharsets.UTF_8);
        byte[] number = citizen.value().getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[id.length + number.length];
        System.arraycopy(id, 0, input, 0, id.length);
        System.arraycopy(number, 0, input, id.length, number.length);
        return Base64Url.encode(hmac(partyKey, input));
    }

    /** The citizen's key in the ledger. */
    String forLedger(PersonalNumber citizen) {
        Objects.requireNonNull(citizen, "citizen");
        return Base64Url.encode(hmac(ledgerKey, citizen.value().getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "CitizenReferences[secret withheld]";
    }
}
