package io.github.eidvn.chip;

import io.github.eidvn.chip.internal.Bc;
import io.github.eidvn.chip.internal.DesCrypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPublicKey;

import org.bouncycastle.util.BigIntegers;

/**
 * The server's side of a chip authentication relayed by a phone (ICAO Doc 9303 Part 11 §6.2, chip authentication
 * version 1), so that a server can check from an upload that the chip holds the private key of its DG14 key, i.e. is
 * not a clone.
 *
 * <p><b>Why the server makes the terminal key.</b> Chip authentication gives no signature: the chip shows it knows its
 * private key only by computing the shared secret K with the terminal's ephemeral key and then protecting its answers
 * with keys derived from K. Whoever knows the terminal's ephemeral private key can compute K from the chip's public
 * key alone, so a transcript recorded by the phone proves nothing to a server. Here the server generates the
 * ephemeral key pair and keeps the private half (only the session keys derived from K are kept); the phone cannot
 * forge the chip's answer.
 *
 * <p><b>Flow.</b>
 * <ol>
 *   <li>The phone reads the chip (BAC or PACE) and sends DG14 to the server.</li>
 *   <li>The server calls {@link #start(ChipAuthenticationKey, SecureRandom)} with a key of
 *       {@link ChipAuthenticationKey#fromDg14(byte[])} and keeps the challenge for this upload; it sends the phone
 *       {@link #terminalPublicKeyData()}, {@link ChipAuthenticationKey#protocol()},
 *       {@link ChipAuthenticationKey#keyId()} and {@link #protectedCommand()}.</li>
 *   <li>The phone, still in its own secure channel, sends for 3DES {@code MSE:Set KAT} (data {@code 91} key data,
 *       [{@code 84} key id]); for AES {@code MSE:Set AT} (P1 P2 = {@code 41 A4}, data {@code 80} protocol OID,
 *       [{@code 84} key id]) then {@code GENERAL AUTHENTICATE} (data {@code 7C}{@code 80} key data). The chip now
 *       protects its messages with the new keys (counter zero).</li>
 *   <li>The phone sends {@link #protectedCommand()} unchanged (a READ BINARY of the first 4 bytes of EF.COM, already
 *       protected with the new keys) and uploads the chip's response APDU.</li>
 *   <li>The server passes this challenge and the response to
 *       {@link ChipVerifier#verify(ChipFiles, java.util.Optional, java.util.Optional, java.util.Optional)}, which
 *       checks that DG14 is covered by the SOD and holds this key, and that the response's MAC verifies with the
 *       session keys ({@code CHIP_AUTHENTICATION_FAILED} otherwise).</li>
 * </ol>
 *
 * <p><b>Security.</b> A challenge verifies one response at most (then it is spent), and the ephemeral key is
 * fresh, so a recorded response cannot be replayed. As with every contactless protocol, a phone can relay the
 * challenge to a genuine chip elsewhere: chip authentication shows that a genuine chip answered, not where it was.
 * The ephemeral private key is discarded after K is computed; the session keys never appear in {@link #toString()}.
 * Thread-safe.
 */
public final class ChipAuthenticationChallenge {

    /** Largest response APDU accepted. */
    public static final int MAX_RESPONSE_BYTES = 1024;

    /** READ BINARY, EF.COM by short file identifier 1E, offset 0, 4 bytes. */
    private static final byte[] READ_EF_COM = {0x00, (byte) 0xB0, (byte) 0x9E, 0x00, 0x04};

    private final ChipAuthenticationKey key;
    private final PublicKey terminalPublicKey;
    private final byte[] terminalPublicKeyData;
    private final byte[] protectedCommand;
    private final SecureMessaging session;
    private final AtomicBoolean spent = new AtomicBoolean();

    private ChipAuthenticationChallenge(ChipAuthenticationKey key, SecureRandom random) {
        this.key = key;
        PublicKey chipKey = key.publicKey();
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(key.keyAgreement().equals("DH") ? "DH" : "EC",
                    Bc.PROVIDER);
            if (chipKey instanceof ECPublicKey ec) {
                g.initialize(ec.getParams(), random);
            } else {
                g.initialize(((DHPublicKey) chipKey).getParams(), random);
            }
            KeyPair terminal = g.generateKeyPair();
            KeyAgreement agreement = KeyAgreement.getInstance(key.keyAgreement(), Bc.PROVIDER);
            agreement.init(terminal.getPrivate());
            agreement.doPhase(chipKey, true);
            byte[] k = agreement.generateSecret();
            this.terminalPublicKey = terminal.getPublic();
            this.terminalPublicKeyData = encode(terminal.getPublic());
            this.session = session(key.cipher(), k);
            Arrays.fill(k, (byte) 0);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("cannot agree a key with the chip's " + key.keyAgreement()
                    + " key: " + e.getMessage(), e);
        }
        this.protectedCommand = session.wrap(READ_EF_COM);
    }

    /**
     * Starts a chip authentication: a fresh ephemeral key pair on the chip key's domain parameters, and the session
     * keys the chip will use.
     *
     * @param key the chip's key, from DG14
     * @param random the source of the ephemeral key
     * @return the challenge, to keep on the server for this upload
     * @throws IllegalArgumentException if no key can be agreed with that key (unusable domain parameters)
     */
    public static ChipAuthenticationChallenge start(ChipAuthenticationKey key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(random, "random");
        return new ChipAuthenticationChallenge(key, random);
    }

    /** @return the chip key this challenge is for */
    public ChipAuthenticationKey key() {
        return key;
    }

    /** @return the terminal's ephemeral public key (for readers that take a {@link PublicKey}, such as JMRTD) */
    public PublicKey terminalPublicKey() {
        return terminalPublicKey;
    }

    /**
     * @return the ephemeral public key as the chip expects it in {@code MSE:Set KAT} or {@code GENERAL AUTHENTICATE}:
     *     the uncompressed point {@code 04 X Y} (ECDH) or the public value, as long as the prime (DH)
     */
    public byte[] terminalPublicKeyData() {
        return terminalPublicKeyData.clone();
    }

    /** @return the command to send right after chip authentication, already protected with the new keys */
    public byte[] protectedCommand() {
        return protectedCommand.clone();
    }

    /**
     * Checks the chip's response to {@link #protectedCommand()}; spends the challenge.
     *
     * @param response the response APDU
     * @return true if its MAC verifies with the session keys and the challenge was not spent
     */
    boolean verifyResponse(byte[] response) {
        if (!spent.compareAndSet(false, true)) {
            return false;
        }
        synchronized (session) {
            return session.unwrap(response).isPresent();
        }
    }

    /** @return whether a response was already checked with this challenge */
    public boolean isSpent() {
        return spent.get();
    }

    private static SecureMessaging session(String cipher, byte[] k) throws GeneralSecurityException {
        return switch (cipher) {
            case "3DES" -> SecureMessaging.tripleDes(DesCrypto.deriveKey(k, 1), DesCrypto.deriveKey(k, 2));
            case "AES-128" -> SecureMessaging.aes(kdf(k, 1, "SHA-1", 16), kdf(k, 2, "SHA-1", 16));
            case "AES-192" -> SecureMessaging.aes(kdf(k, 1, "SHA-256", 24), kdf(k, 2, "SHA-256", 24));
            case "AES-256" -> SecureMessaging.aes(kdf(k, 1, "SHA-256", 32), kdf(k, 2, "SHA-256", 32));
            default -> throw new GeneralSecurityException("unknown cipher " + cipher);
        };
    }

    /** Doc 9303 Part 11 §9.7.1: H(K || counter), first {@code length} bytes. */
    private static byte[] kdf(byte[] k, int counter, String hash, int length) throws GeneralSecurityException {
        byte[] input = ByteBuffer.allocate(k.length + 4).put(k).putInt(counter).array();
        return Arrays.copyOf(MessageDigest.getInstance(hash).digest(input), length);
    }

    private static byte[] encode(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            return BasicAccessControl.concat(new byte[] {4},
                    BigIntegers.asUnsignedByteArray(size, ec.getW().getAffineX()),
                    BigIntegers.asUnsignedByteArray(size, ec.getW().getAffineY()));
        }
        DHPublicKey dh = (DHPublicKey) key;
        return BigIntegers.asUnsignedByteArray((dh.getParams().getP().bitLength() + 7) / 8, dh.getY());
    }

    /** @return the key and whether it is spent; no key material */
    @Override
    public String toString() {
        return "ChipAuthenticationChallenge[" + key + (spent.get() ? ", spent" : "") + "]";
    }
}
