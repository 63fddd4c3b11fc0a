package io.github.eidvn.core.jose;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.keys.TrustedKey;

/**
 * The one signature check of eid's verifiers: keys chosen by the caller (never by the header), the algorithm pinned
 * to each key, ES256 through {@link Es256JwsVerifier} on the key's cached P-256 point (whichever engine is active),
 * RSA through Nimbus where the caller's candidates allow it. {@code crit} names are deferred to the caller, whose own
 * stage refuses them with its own reason.
 */
public final class JwsSignatures {

    private JwsSignatures() {
    }

    /**
     * The candidates pinned to an algorithm.
     *
     * @param candidates keys chosen by {@code kid}
     * @param alg the algorithm they must be pinned to
     * @return those pinned to {@code alg}, possibly empty
     */
    public static List<TrustedKey> pinnedTo(List<TrustedKey> candidates, String alg) {
        List<TrustedKey> pinned = new ArrayList<>();
        for (TrustedKey k : candidates) {
            if (k.algorithm().equals(alg)) {
                pinned.add(k);
            }
        }
        return pinned;
    }

    /**
     * Nimbus's parse of the protected header, which its verifiers need.
     *
     * @param jws the parsed JWS
     * @return the header
     * @throws JoseDefectException {@link JoseDefect#MALFORMED} when Nimbus refuses it, or reads another {@code alg}
     *     than the strict parse
     */
    public static JWSHeader nimbusHeader(CompactJws jws) throws JoseDefectException {
        JWSHeader header;
        try {
            header = JWSHeader.parse(Base64URL.from(jws.headerText()));
        } catch (ParseException | RuntimeException e) {
            throw new JoseDefectException(JoseDefect.MALFORMED, "header: not a JWS header ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!header.getAlgorithm().getName().equals(jws.alg())) {
            throw new JoseDefectException(JoseDefect.MALFORMED, "header alg parsed inconsistently");
        }
        return header;
    }

    /**
     * Tries each candidate on the signature.
     *
     * @param candidates keys pinned to the header's {@code alg} (ES256, or RS/PS where the caller allows RSA)
     * @param header Nimbus's parse of the header ({@link #nimbusHeader(CompactJws)})
     * @param jws the parsed JWS
     * @return the first key the signature verifies with, or empty
     */
    public static Optional<TrustedKey> firstVerifying(List<TrustedKey> candidates, JWSHeader header,
            CompactJws jws) {
        Set<String> crit = header.getCriticalParams() == null ? Set.of() : new HashSet<>(header.getCriticalParams());
        byte[] signingInput = jws.signingInput();
        Base64URL signature = new Base64URL(jws.signatureText()); // canonical, checked by CompactJws.parse
        for (TrustedKey k : candidates) {
            try {
                JWSVerifier verifier = "ES256".equals(k.algorithm())
                        ? new Es256JwsVerifier(k, crit)
                        : new RSASSAVerifier((RSAPublicKey) k.publicKey(), crit);
                if (verifier.verify(header, signingInput, signature)) {
                    return Optional.of(k);
                }
            } catch (JOSEException | ClassCastException e) {
                // not valid with this key (e.g. wrong signature length); try the next
            }
        }
        return Optional.empty();
    }
}
