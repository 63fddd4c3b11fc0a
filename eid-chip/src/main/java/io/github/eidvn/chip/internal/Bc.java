package io.github.eidvn.chip.internal;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider instance used for chip certificates and signatures (explicit EC domain parameters,
 * plain ECDSA), passed explicitly: it is never installed in the JVM's provider list.
 */
public final class Bc {

    /** The provider. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
