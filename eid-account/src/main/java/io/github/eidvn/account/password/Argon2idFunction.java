package io.github.eidvn.account.password;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id version 0x13 (RFC 9106) through Bouncy Castle. */
final class Argon2idFunction {

    private Argon2idFunction() {
    }

    /**
     * Computes an Argon2id tag.
     *
     * @param password the password bytes
     * @param salt the salt
     * @param secret the secret value K, or null
     * @param associatedData the associated data X, or null
     * @param memoryKiB m, in KiB
     * @param iterations t
     * @param parallelism p
     * @param tagLength T, in bytes
     * @return the tag
     */
    static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKiB,
            int iterations, int parallelism, int tagLength) {
        Argon2Parameters.Builder b = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (secret != null) {
            b.withSecret(secret);
        }
        if (associatedData != null) {
            b.withAdditional(associatedData);
        }
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(b.build());
        byte[] out = new byte[tagLength];
        gen.generateBytes(password, out);
        return out;
    }
}
