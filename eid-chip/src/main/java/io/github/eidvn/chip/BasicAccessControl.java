package io.github.eidvn.chip;

import io.github.eidvn.chip.internal.DesCrypto;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The terminal's side of Basic Access Control (ICAO Doc 9303 Part 11 §4.3): the EXTERNAL AUTHENTICATE command data
 * E.IFD || M.IFD, the check of the chip's answer, and the session keys and send sequence counter of the secure
 * messaging that follows ({@link SecureMessaging}).
 *
 * <p>Usage: GET CHALLENGE gives RND.IC; the terminal picks RND.IFD and K.IFD at random (8 and 16 bytes, from a
 * {@link java.security.SecureRandom}); it sends {@link #commandData()}; the chip answers E.IC || M.IC, which
 * {@link #complete(byte[])} checks.
 *
 * <p><b>Security.</b> The answer's MAC is compared in constant time before anything is decrypted, and RND.IFD must come
 * back unchanged; any failure is an empty result, never a half-open channel. Not thread-safe: one object per session.
 */
public final class BasicAccessControl {

    private final BacKeys keys;
    private final byte[] rndIc;
    private final byte[] rndIfd;
    private final byte[] kIfd;

    /**
     * @param keys the document's BAC keys ({@link Mrz#bacKeys()})
     * @param rndIc the chip's 8-byte challenge
     * @param rndIfd the terminal's 8 random bytes
     * @param kIfd the terminal's 16 random key bytes
     * @throws IllegalArgumentException if a length is wrong
     */
    public BasicAccessControl(BacKeys keys, byte[] rndIc, byte[] rndIfd, byte[] kIfd) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.rndIc = length(rndIc, 8, "rndIc");
        this.rndIfd = length(rndIfd, 8, "rndIfd");
        this.kIfd = length(kIfd, 16, "kIfd");
    }

    private static byte[] length(byte[] b, int n, String name) {
        if (Objects.requireNonNull(b, name).length != n) {
            throw new IllegalArgumentException(name + " must have " + n + " bytes");
        }
        return b.clone();
    }

    /**
     * The EXTERNAL AUTHENTICATE data: E.IFD = 3DES(K_enc, RND.IFD || RND.IC || K.IFD), then M.IFD = MAC(K_mac, E.IFD).
     *
     * @return 40 bytes
     */
    public byte[] commandData() {
        byte[] s = concat(rndIfd, rndIc, kIfd);
        byte[] e = DesCrypto.cbc(keys.encryptionKey(), s, true);
        return concat(e, DesCrypto.retailMac(keys.macKey(), e));
    }

    /**
     * Checks the chip's answer E.IC || M.IC and derives the session.
     *
     * @param response the 40 data bytes of the answer (status word removed)
     * @return the secure messaging session, or empty when the MAC, the returned RND.IFD or RND.IC is wrong
     */
    public Optional<SecureMessaging> complete(byte[] response) {
        Objects.requireNonNull(response, "response");
        if (response.length != 40) {
            return Optional.empty();
        }
        byte[] e = Arrays.copyOf(response, 32);
        byte[] m = Arrays.copyOfRange(response, 32, 40);
        if (!DesCrypto.equal(m, DesCrypto.retailMac(keys.macKey(), e))) {
            return Optional.empty();
        }
        byte[] r = DesCrypto.cbc(keys.encryptionKey(), e, false);
        if (!DesCrypto.equal(Arrays.copyOf(r, 8), rndIc) || !DesCrypto.equal(Arrays.copyOfRange(r, 8, 16), rndIfd)) {
            return Optional.empty();
        }
        byte[] kIc = Arrays.copyOfRange(r, 16, 32);
        byte[] seed = new byte[16];
        for (int i = 0; i < 16; i++) {
            seed[i] = (byte) (kIfd[i] ^ kIc[i]);
        }
        byte[] ssc = concat(Arrays.copyOfRange(rndIc, 4, 8), Arrays.copyOfRange(rndIfd, 4, 8));
        return Optional.of(new SecureMessaging(BacKeys.fromSeed(seed), ssc));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** @return no key material */
    @Override
    public String toString() {
        return "BasicAccessControl[***]";
    }
}
