package io.github.eidvn.core.jose;

import java.util.Base64;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.AlgorithmSupportMessage;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.internal.Es256;
import io.github.eidvn.core.keys.TrustedKey;

/**
 * A Nimbus {@link JWSVerifier} for ES256 over a {@link TrustedKey}'s cached
 * {@link io.github.eidvn.core.internal.Es256PublicKey}: the fast replacement for Nimbus's {@code ECDSAVerifier}
 * (which goes through the JDK provider and re-prepares the key on every call).
 *
 * <p>Same contract as {@code ECDSAVerifier}: an algorithm other than ES256 throws {@link JOSEException}; a header
 * with {@code crit} names not in the deferred set, a signature that is not exactly 64 bytes, r or s outside
 * [1, n-1], or a signature that does not verify gives {@code false}. High-S signatures are accepted here (eid's
 * verifiers refuse them for eid's own token types afterwards, {@code core.jose.EidProfile}), as by the JDK
 * provider. The signing input is used exactly as Nimbus hands it over.
 */
public final class Es256JwsVerifier implements JWSVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256);
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private final TrustedKey key;
    private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();
    private final JCAContext jca = new JCAContext();

    /**
     * @param key a trusted key pinned to ES256
     * @param deferredCriticalHeaders {@code crit} names the caller checks itself (may be empty)
     * @throws IllegalArgumentException when the key is not pinned to ES256
     */
    public Es256JwsVerifier(TrustedKey key, Set<String> deferredCriticalHeaders) {
        this.key = Objects.requireNonNull(key, "key");
        if (!JWSAlgorithm.ES256.getName().equals(key.algorithm())) {
            throw new IllegalArgumentException("the key is pinned to " + key.algorithm() + ", not ES256");
        }
        critPolicy.setDeferredCriticalHeaderParams(Objects.requireNonNull(deferredCriticalHeaders,
                "deferredCriticalHeaders"));
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        JWSAlgorithm alg = header.getAlgorithm();
        if (!ALGORITHMS.contains(alg)) {
            throw new JOSEException(AlgorithmSupportMessage.unsupportedJWSAlgorithm(alg, ALGORITHMS));
        }
        if (!critPolicy.headerPasses(header)) {
            return false;
        }
        byte[] sig = decode(signature);
        if (sig.length != Es256.SIGNATURE_LENGTH) {
            return false;
        }
        return key.verifiesEs256(signingInput, sig);
    }

    /**
     * The signature bytes: java.util.Base64 (intrinsified) for well-formed unpadded base64url, which decodes to the
     * same bytes as Nimbus's decoder; anything else goes to Nimbus's own (lenient) decoder, as in
     * {@code ECDSAVerifier}.
     */
    private static byte[] decode(Base64URL signature) {
        String text = signature.toString();
        if (text.indexOf('=') < 0) {
            try {
                return URL_DECODER.decode(text);
            } catch (IllegalArgumentException e) {
                // not plain base64url: fall through to Nimbus
            }
        }
        return signature.decode();
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }
}
