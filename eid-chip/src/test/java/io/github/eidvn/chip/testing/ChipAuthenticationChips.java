package io.github.eidvn.chip.testing;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.paddings.ISO7816d4Padding;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A simulated chip for chip authentication (Doc 9303 Part 11 §6.2 and §9.8): its static ECDH key in DG14, and its
 * side of the protocol (the shared secret from the terminal's key data, the session keys, the check of the protected
 * command's MAC and a protected answer). Written from the specification, apart from the code under test.
 */
public final class ChipAuthenticationChips {

    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    public static final String ECDH_3DES = "0.4.0.127.0.7.2.2.3.2.1";
    public static final String ECDH_AES_128 = "0.4.0.127.0.7.2.2.3.2.2";
    public static final String ECDH_AES_256 = "0.4.0.127.0.7.2.2.3.2.4";

    private ChipAuthenticationChips() {
    }

    /** @return a chip key on the named curve (e.g. brainpoolP256r1, as CCCD chips use) */
    public static KeyPair chipKey(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DG14 with one ChipAuthenticationPublicKeyInfo (id-PK-ECDH) and its ChipAuthenticationInfo (version 1). */
    public static byte[] dg14(PublicKey key, String protocol, BigInteger keyId) {
        try {
            ASN1EncodableVector pk = new ASN1EncodableVector();
            pk.add(new ASN1ObjectIdentifier("0.4.0.127.0.7.2.2.1.2"));
            pk.add(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
            ASN1EncodableVector ca = new ASN1EncodableVector();
            ca.add(new ASN1ObjectIdentifier(protocol));
            ca.add(new ASN1Integer(1));
            if (keyId != null) {
                pk.add(new ASN1Integer(keyId));
                ca.add(new ASN1Integer(keyId));
            }
            ASN1EncodableVector ta = new ASN1EncodableVector();
            ta.add(new ASN1ObjectIdentifier("0.4.0.127.0.7.2.2.2"));
            ta.add(new ASN1Integer(1));
            byte[] set = new DERSet(new org.bouncycastle.asn1.ASN1Encodable[] {new DERSequence(pk),
                new DERSequence(ca), new DERSequence(ta)}).getEncoded(ASN1Encoding.DER);
            return CccdChips.tlv(0x6E, set);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The chip's side: K from its private key and the terminal's key data, the session keys, the protected command
     * checked (counter 1), and the answer (counter 2) carrying {@code data} with status 9000.
     *
     * @return the response APDU, or null when the command's MAC is wrong
     */
    public static byte[] answer(KeyPair chip, boolean aes, byte[] terminalKeyData, byte[] command, byte[] data) {
        return answer(chip, aes, terminalKeyData, command, data, true);
    }

    /** As {@link #answer(KeyPair, boolean, byte[], byte[], byte[])}, optionally without checking the command. */
    public static byte[] answer(KeyPair chip, boolean aes, byte[] terminalKeyData, byte[] command, byte[] data,
            boolean checkCommand) {
        try {
            ECPublicKey chipPublic = (ECPublicKey) chip.getPublic();
            int size = (terminalKeyData.length - 1) / 2;
            ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(terminalKeyData, 1, 1 + size)),
                    new BigInteger(1, Arrays.copyOfRange(terminalKeyData, 1 + size, terminalKeyData.length)));
            PublicKey terminal = KeyFactory.getInstance("EC", BC)
                    .generatePublic(new ECPublicKeySpec(w, chipPublic.getParams()));
            KeyAgreement ka = KeyAgreement.getInstance("ECDH", BC);
            ka.init(chip.getPrivate());
            ka.doPhase(terminal, true);
            byte[] k = ka.generateSecret();
            byte[] kEnc = Arrays.copyOf(sha1(k, 1), 16);
            byte[] kMac = Arrays.copyOf(sha1(k, 2), 16);
            int block = aes ? 16 : 8;
            // command: 0C B0 9E 00 | Lc | 97 01 04 | 8E 08 MAC | 00
            byte[] header = Arrays.copyOf(command, 4);
            int lc = command[4] & 0xFF;
            byte[] body = Arrays.copyOfRange(command, 5, 5 + lc);
            byte[] do97 = Arrays.copyOf(body, body.length - 10);
            byte[] mac = Arrays.copyOfRange(body, body.length - 8, body.length);
            if (checkCommand && !Arrays.equals(mac, mac(aes, kMac, concat(counter(block, 1), pad(header, block),
                    do97)))) {
                return null;
            }
            byte[] ssc = counter(block, 2);
            byte[] encrypted;
            if (aes) {
                Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
                ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kEnc, "AES"));
                Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
                cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kEnc, "AES"), new IvParameterSpec(ecb.doFinal(ssc)));
                encrypted = cbc.doFinal(pad(data, 16));
            } else {
                Cipher cbc = Cipher.getInstance("DESede/CBC/NoPadding");
                cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(concat(kEnc, Arrays.copyOf(kEnc, 8)), "DESede"),
                        new IvParameterSpec(new byte[8]));
                encrypted = cbc.doFinal(pad(data, 8));
            }
            byte[] do87 = concat(new byte[] {(byte) 0x87, (byte) (encrypted.length + 1), 1}, encrypted);
            byte[] do99 = {(byte) 0x99, 2, (byte) 0x90, 0};
            byte[] answerMac = mac(aes, kMac, concat(ssc, do87, do99));
            return concat(do87, do99, new byte[] {(byte) 0x8E, 8}, answerMac, new byte[] {(byte) 0x90, 0});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mac(boolean aes, byte[] key, byte[] input) throws GeneralSecurityException {
        if (aes) {
            Mac cmac = Mac.getInstance("AESCMAC", BC);
            cmac.init(new SecretKeySpec(key, "AES"));
            return Arrays.copyOf(cmac.doFinal(pad(input, 16)), 8);
        }
        ISO9797Alg3Mac retail = new ISO9797Alg3Mac(new DESEngine(), new ISO7816d4Padding());
        retail.init(new KeyParameter(key));
        retail.update(input, 0, input.length);
        byte[] out = new byte[8];
        retail.doFinal(out, 0);
        return out;
    }

    private static byte[] sha1(byte[] k, int counter) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(ByteBuffer.allocate(k.length + 4).put(k).putInt(counter)
                .array());
    }

    private static byte[] counter(int size, int value) {
        byte[] c = new byte[size];
        c[size - 1] = (byte) value;
        return c;
    }

    private static byte[] pad(byte[] data, int block) {
        byte[] out = Arrays.copyOf(data, (data.length / block + 1) * block);
        out[data.length] = (byte) 0x80;
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
