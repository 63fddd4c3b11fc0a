package io.github.eidvn.chip;

import io.github.eidvn.chip.internal.Bc;
import io.github.eidvn.chip.internal.Tlv;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;

/**
 * Active authentication (ICAO 9303 Part 11 §6.1): the chip's signature over the terminal's challenge, checked with the
 * DG15 public key. RSA answers are ISO/IEC 9796-2 signatures (scheme 1, SHA-1 implicit or a hash named in the
 * trailer); EC answers are plain ECDSA (r || s) under one of the SHA-2 hashes or SHA-1.
 */
final class ActiveAuthenticationCheck {

    private ActiveAuthenticationCheck() {
    }

    /**
     * @param dg15 DG15 as read from the chip (outer tag included)
     * @param challenge the challenge the terminal sent
     * @param response the chip's answer
     * @return true when the answer verifies with the DG15 key; false for a bad DG15, key or answer
     */
    static boolean verifies(byte[] dg15, byte[] challenge, byte[] response) {
        PublicKey key;
        try {
            byte[] spki = Lds.dg15(dg15);
            String algorithm = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(spki).getAlgorithm()
                    .getAlgorithm().equals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption) ? "RSA" : "EC";
            key = KeyFactory.getInstance(algorithm, Bc.PROVIDER).generatePublic(new X509EncodedKeySpec(spki));
        } catch (Tlv.MalformedException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
        if (key instanceof RSAPublicKey rsa) {
            RSAKeyParameters params = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
            Digest[] digests = {new SHA1Digest(), new SHA256Digest(), new SHA384Digest(), new SHA512Digest()};
            for (Digest d : digests) {
                for (boolean implicit : new boolean[] {true, false}) {
                    if (implicit && !(d instanceof SHA1Digest)) {
                        continue;
                    }
                    try {
                        ISO9796d2Signer verifier = new ISO9796d2Signer(new RSABlindedEngine(), d, implicit);
                        verifier.init(false, params);
                        verifier.updateWithRecoveredMessage(response);
                        verifier.update(challenge, 0, challenge.length);
                        if (verifier.verifySignature(response)) {
                            return true;
                        }
                    } catch (org.bouncycastle.crypto.InvalidCipherTextException | RuntimeException e) {
                        // not this hash, or not a signature at all
                    }
                }
            }
            return false;
        }
        for (String hash : new String[] {"SHA1", "SHA224", "SHA256", "SHA384", "SHA512"}) {
            try {
                Signature s = Signature.getInstance(hash + "withPLAIN-ECDSA", Bc.PROVIDER);
                s.initVerify(key);
                s.update(challenge);
                if (s.verify(response)) {
                    return true;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this hash
            }
        }
        return false;
    }
}
