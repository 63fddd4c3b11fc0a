package io.github.eidvn.chip;

import io.github.eidvn.chip.internal.DesCrypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Basic Access Control keys of a chip (ICAO Doc 9303 Part 11 §4.3 and §9.7.1): the key seed is the first 16 bytes
 * of SHA-1 over the MRZ information, and K_enc and K_mac are derived from it with counters 1 and 2 (two-key 3DES keys
 * with DES parity bits set).
 *
 * <p><b>Security.</b> These keys open the chip's secure channel and are as secret as the MRZ: they never appear in
 * {@link #toString()}. The accessors return copies.
 */
public final class BacKeys {

    private final byte[] seed;
    private final byte[] encryptionKey;
    private final byte[] macKey;

    private BacKeys(byte[] seed) {
        this.seed = seed.clone();
        this.encryptionKey = DesCrypto.deriveKey(seed, 1);
        this.macKey = DesCrypto.deriveKey(seed, 2);
    }

    /**
     * Derives the keys from the MRZ information (document number, birth date and expiry date, each with its check
     * digit), as given by {@link Mrz#mrzInformation()}.
     *
     * @param mrzInformation the MRZ information, 24 characters or more from {@code 0-9 A-Z <}
     * @return the keys
     * @throws IllegalArgumentException if the text is shorter than 24 characters, longer than 60, or has other
     *     characters
     */
    public static BacKeys fromMrzInformation(String mrzInformation) {
        Objects.requireNonNull(mrzInformation, "mrzInformation");
        if (mrzInformation.length() < 24 || mrzInformation.length() > 60
                || !mrzInformation.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '<')) {
            throw new IllegalArgumentException("MRZ information must be 24 to 60 characters of 0-9 A-Z <");
        }
        byte[] hash = DesCrypto.sha1(mrzInformation.getBytes(StandardCharsets.US_ASCII));
        return new BacKeys(java.util.Arrays.copyOf(hash, 16));
    }

    /**
     * Derives the keys from a key seed (the session keys of BAC are derived the same way from K.IFD xor K.IC).
     *
     * @param seed 16 bytes
     * @return the keys
     * @throws IllegalArgumentException if the seed is not 16 bytes
     */
    public static BacKeys fromSeed(byte[] seed) {
        if (Objects.requireNonNull(seed, "seed").length != 16) {
            throw new IllegalArgumentException("a key seed has 16 bytes");
        }
        return new BacKeys(seed);
    }

    /** @return the 16-byte key seed */
    public byte[] seed() {
        return seed.clone();
    }

    /** @return K_enc, the 16-byte two-key 3DES encryption key */
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    /** @return K_mac, the 16-byte retail-MAC key */
    public byte[] macKey() {
        return macKey.clone();
    }

    /** @return no key material */
    @Override
    public String toString() {
        return "BacKeys[***]";
    }
}
