package io.github.eidvn.account.device;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/** A simulated phone: a device id and a P-256 key pair, signing like the app after a biometric check. */
final class TestDevice {

    final String id;
    final KeyPair keys;
    final DevicePublicKey publicKey;

    TestDevice(String id) {
        this.id = id;
        this.keys = newKeyPair("secp256r1");
        this.publicKey = DevicePublicKey.of((ECPublicKey) keys.getPublic());
    }

    static KeyPair newKeyPair(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] sign(String challenge) {
        return sign(challenge, "SHA256withECDSA");
    }

    byte[] signRaw(String challenge) {
        return sign(challenge, "SHA256withECDSAinP1363Format");
    }

    private byte[] sign(String challenge, String alg) {
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(keys.getPrivate());
            s.update(challenge.getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
