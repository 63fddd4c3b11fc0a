package io.github.eidvn.chip;

import io.github.eidvn.chip.internal.DesCrypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Secure messaging (ICAO Doc 9303 Part 11 §9.8): 3DES after Basic Access Control, and 3DES or AES after chip
 * authentication: short command APDUs are wrapped (data encrypted in DO'87', Le in DO'97', the MAC over the send
 * sequence counter, the header and the objects in DO'8E') and responses unwrapped (DO'87', DO'99', DO'8E' checked).
 * 3DES uses the retail MAC, CBC with a zero IV and an 8-byte counter; AES uses CMAC truncated to 8 bytes, CBC with the
 * IV E(KS_enc, SSC) and a 16-byte counter (§9.8.6.2).
 *
 * <p><b>Security.</b> The counter is incremented before each command and each response, so a replayed or reordered
 * response fails its MAC; a response whose MAC is missing or wrong is an empty result, and the session must then be
 * abandoned. Not thread-safe: one object per card session.
 */
public final class SecureMessaging {

    private final BacKeys sessionKeys;
    private final byte[] encryptionKey;
    private final byte[] macKey;
    private final int block;
    private byte[] ssc;

    /**
     * 3DES secure messaging after BAC.
     *
     * @param sessionKeys KS_enc and KS_mac
     * @param ssc the 8-byte initial send sequence counter
     */
    SecureMessaging(BacKeys sessionKeys, byte[] ssc) {
        this(Objects.requireNonNull(sessionKeys, "sessionKeys"), sessionKeys.encryptionKey(), sessionKeys.macKey(), 8,
                ssc);
    }

    private SecureMessaging(BacKeys sessionKeys, byte[] encryptionKey, byte[] macKey, int block, byte[] ssc) {
        this.sessionKeys = sessionKeys;
        this.encryptionKey = encryptionKey.clone();
        this.macKey = macKey.clone();
        this.block = block;
        this.ssc = ssc.clone();
    }

    /**
     * 3DES secure messaging after chip authentication: the counter starts at zero.
     *
     * @param encryptionKey KS_enc, 16 bytes
     * @param macKey KS_mac, 16 bytes
     * @return the session
     */
    static SecureMessaging tripleDes(byte[] encryptionKey, byte[] macKey) {
        return new SecureMessaging(null, encryptionKey, macKey, 8, new byte[8]);
    }

    /**
     * AES secure messaging after chip authentication: the counter starts at zero.
     *
     * @param encryptionKey KS_enc, 16, 24 or 32 bytes
     * @param macKey KS_mac, the same length
     * @return the session
     */
    static SecureMessaging aes(byte[] encryptionKey, byte[] macKey) {
        return new SecureMessaging(null, encryptionKey, macKey, 16, new byte[16]);
    }

    /**
     * @return the session keys KS_enc and KS_mac of a 3DES session
     * @throws IllegalStateException for a session after chip authentication (only created inside this package)
     */
    public BacKeys sessionKeys() {
        if (sessionKeys == null) {
            throw new IllegalStateException("a session after chip authentication has no BAC keys");
        }
        return sessionKeys;
    }

    /** @return the current send sequence counter, 8 bytes */
    public byte[] sendSequenceCounter() {
        return ssc.clone();
    }

    /**
     * Wraps a short command APDU (cases 1 to 4).
     *
     * @param command the plain APDU: CLA INS P1 P2 [Lc data] [Le]
     * @return the protected APDU
     * @throws IllegalArgumentException if the APDU is not a well-formed short APDU, or its CLA already signals
     *     secure messaging
     */
    public byte[] wrap(byte[] command) {
        Objects.requireNonNull(command, "command");
        if (command.length < 4 || (command[0] & 0x0C) != 0) {
            throw new IllegalArgumentException("not a plain short command APDU");
        }
        byte[] data = new byte[0];
        Integer le = null;
        int rest = command.length - 4;
        if (rest == 1) {
            le = command[4] & 0xFF;
        } else if (rest > 1) {
            int lc = command[4] & 0xFF;
            if (lc == 0 || rest != 1 + lc && rest != 2 + lc) {
                throw new IllegalArgumentException("Lc does not match the APDU length");
            }
            data = Arrays.copyOfRange(command, 5, 5 + lc);
            if (rest == 2 + lc) {
                le = command[5 + lc] & 0xFF;
            }
        }
        byte[] header = {(byte) (command[0] | 0x0C), command[1], command[2], command[3]};
        byte[] do87 = new byte[0];
        if (data.length > 0) {
            increment();
            byte[] encrypted = cipher(pad(data), true);
            decrement();
            do87 = tlv(0x87, BasicAccessControl.concat(new byte[] {1}, encrypted));
        }
        byte[] do97 = le == null ? new byte[0] : new byte[] {(byte) 0x97, 1, (byte) (int) le};
        increment();
        byte[] mac = mac(BasicAccessControl.concat(ssc, pad(header), do87, do97));
        byte[] do8e = tlv(0x8E, mac);
        byte[] body = BasicAccessControl.concat(do87, do97, do8e);
        if (body.length > 255) {
            throw new IllegalArgumentException("the protected command does not fit a short APDU");
        }
        return BasicAccessControl.concat(header, new byte[] {(byte) body.length}, body, new byte[] {0});
    }

    /**
     * Unwraps a protected response APDU.
     *
     * @param response the response: protected data objects then SW1 SW2
     * @return the plain response (decrypted data then the status word of DO'99'), or empty when the MAC is missing or
     *     wrong or the objects are malformed
     */
    public Optional<byte[]> unwrap(byte[] response) {
        Objects.requireNonNull(response, "response");
        increment();
        if (response.length < 2 + 10 || response.length > 65_538) {
            return Optional.empty();
        }
        byte[] do87 = null;
        byte[] do99 = null;
        byte[] mac = null;
        int macInputEnd = 0;
        int i = 0;
        int end = response.length - 2;
        while (i < end) {
            int tag = response[i] & 0xFF;
            if (i + 1 >= end) {
                return Optional.empty();
            }
            int len = response[i + 1] & 0xFF;
            int at = i + 2;
            if (len == 0x81 || len == 0x82) {
                int n = len - 0x80;
                if (at + n > end) {
                    return Optional.empty();
                }
                len = new BigInteger(1, Arrays.copyOfRange(response, at, at + n)).intValueExact();
                at += n;
            } else if (len > 0x7F) {
                return Optional.empty();
            }
            if (at + len > end) {
                return Optional.empty();
            }
            byte[] value = Arrays.copyOfRange(response, at, at + len);
            if (tag == 0x87 && do87 == null && mac == null) {
                do87 = value;
            } else if (tag == 0x99 && do99 == null && mac == null) {
                do99 = value;
            } else if (tag == 0x8E && mac == null) {
                mac = value;
                macInputEnd = i;
            } else {
                return Optional.empty();
            }
            i = at + len;
        }
        if (mac == null || mac.length != 8 || do99 == null || do99.length != 2) {
            return Optional.empty();
        }
        byte[] expected = mac(BasicAccessControl.concat(ssc, Arrays.copyOf(response, macInputEnd)));
        if (!DesCrypto.equal(expected, mac)) {
            return Optional.empty();
        }
        byte[] plain = new byte[0];
        if (do87 != null) {
            if (do87.length < 1 + block || do87[0] != 1 || (do87.length - 1) % block != 0) {
                return Optional.empty();
            }
            plain = DesCrypto.unpad(cipher(Arrays.copyOfRange(do87, 1, do87.length), false));
            if (plain == null) {
                return Optional.empty();
            }
        }
        return Optional.of(BasicAccessControl.concat(plain, do99));
    }

    private byte[] pad(byte[] data) {
        byte[] out = Arrays.copyOf(data, (data.length / block + 1) * block);
        out[data.length] = (byte) 0x80;
        return out;
    }

    /** The MAC over the counter and the objects (padded here). */
    private byte[] mac(byte[] input) {
        if (block == 8) {
            return DesCrypto.retailMac(macKey, input);
        }
        try {
            javax.crypto.Mac cmac = javax.crypto.Mac.getInstance("AESCMAC", io.github.eidvn.chip.internal.Bc.PROVIDER);
            cmac.init(new javax.crypto.spec.SecretKeySpec(macKey, "AES"));
            return Arrays.copyOf(cmac.doFinal(pad(input)), 8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle provides AES-CMAC", e);
        }
    }

    /** CBC over whole blocks: zero IV for 3DES, E(KS_enc, SSC) for AES (the counter of the current message). */
    private byte[] cipher(byte[] data, boolean encrypt) {
        if (block == 8) {
            return DesCrypto.cbc(encryptionKey, data, encrypt);
        }
        try {
            javax.crypto.spec.SecretKeySpec key = new javax.crypto.spec.SecretKeySpec(encryptionKey, "AES");
            javax.crypto.Cipher ecb = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
            byte[] iv = ecb.doFinal(ssc);
            javax.crypto.Cipher cbc = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
            cbc.init(encrypt ? javax.crypto.Cipher.ENCRYPT_MODE : javax.crypto.Cipher.DECRYPT_MODE, key,
                    new javax.crypto.spec.IvParameterSpec(iv));
            return cbc.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding is required by every Java platform", e);
        }
    }

    private void decrement() {
        for (int i = ssc.length - 1; i >= 0; i--) {
            if (ssc[i]-- != 0) {
                break;
            }
        }
    }

    private void increment() {
        for (int i = ssc.length - 1; i >= 0; i--) {
            ssc[i]++;
            if (ssc[i] != 0) {
                break;
            }
        }
    }

    private static byte[] tlv(int tag, byte[] value) {
        byte[] len = value.length < 0x80 ? new byte[] {(byte) value.length}
                : new byte[] {(byte) 0x81, (byte) value.length};
        return BasicAccessControl.concat(new byte[] {(byte) tag}, len, value);
    }

    /** @return no key material; the counter only */
    @Override
    public String toString() {
        return "SecureMessaging[ssc=" + HexFormat.of().formatHex(ssc) + "]";
    }
}
