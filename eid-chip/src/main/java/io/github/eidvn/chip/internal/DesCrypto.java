package io.github.eidvn.chip.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.paddings.ISO7816d4Padding;
import org.bouncycastle.crypto.params.KeyParameter;

/** Two-key 3DES of Doc 9303 Part 11: key derivation, CBC with a zero IV, retail MAC, ISO 9797-1 method 2 padding. */
public final class DesCrypto {

    private DesCrypto() {
    }

    /**
     * @param data input
     * @return SHA-1 of the input
     */
    public static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }

    /**
     * KDF of Doc 9303 Part 11 §9.7.1 for 3DES: SHA-1(seed || counter), first 16 bytes, DES parity bits set.
     *
     * @param seed key seed
     * @param counter 1 for encryption, 2 for MAC
     * @return 16-byte key
     */
    public static byte[] deriveKey(byte[] seed, int counter) {
        byte[] input = ByteBuffer.allocate(seed.length + 4).put(seed).putInt(counter).array();
        byte[] key = Arrays.copyOf(sha1(input), 16);
        for (int i = 0; i < key.length; i++) {
            int b = key[i] & 0xFE;
            key[i] = (byte) (b | (Integer.bitCount(b) % 2 == 0 ? 1 : 0));
        }
        return key;
    }

    /**
     * @param data input
     * @return the input padded by ISO 9797-1 method 2 to a multiple of 8 bytes
     */
    public static byte[] pad(byte[] data) {
        byte[] out = Arrays.copyOf(data, (data.length / 8 + 1) * 8);
        out[data.length] = (byte) 0x80;
        return out;
    }

    /**
     * @param data padded input
     * @return the input without its ISO 9797-1 method 2 padding, or null when the padding is wrong
     */
    public static byte[] unpad(byte[] data) {
        int i = data.length - 1;
        while (i >= 0 && data[i] == 0) {
            i--;
        }
        return i >= 0 && data[i] == (byte) 0x80 ? Arrays.copyOf(data, i) : null;
    }

    /**
     * @param key 16-byte two-key 3DES key
     * @param data input, a multiple of 8 bytes
     * @param encrypt true to encrypt, false to decrypt
     * @return 3DES-CBC with a zero IV
     */
    public static byte[] cbc(byte[] key, byte[] data, boolean encrypt) {
        byte[] k24 = Arrays.copyOf(key, 24);
        System.arraycopy(key, 0, k24, 16, 8);
        try {
            Cipher c = Cipher.getInstance("DESede/CBC/NoPadding");
            c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(k24, "DESede"),
                    new IvParameterSpec(new byte[8]));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DESede/CBC/NoPadding is required by every Java platform", e);
        } finally {
            Arrays.fill(k24, (byte) 0);
        }
    }

    /**
     * Retail MAC (ISO 9797-1 MAC algorithm 3 with DES and padding method 2).
     *
     * @param key 16-byte key
     * @param data input, unpadded
     * @return the 8-byte MAC
     */
    public static byte[] retailMac(byte[] key, byte[] data) {
        ISO9797Alg3Mac mac = new ISO9797Alg3Mac(new DESEngine(), new ISO7816d4Padding());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[8];
        mac.doFinal(out, 0);
        return out;
    }

    /**
     * @param a first
     * @param b second
     * @return a constant-time comparison
     */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
