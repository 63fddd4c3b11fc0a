package io.github.eidvn.chip;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;

/** One-level certificate chaining: a document signer (or master list signer) to the CSCA that issued it. */
final class Chains {

    private Chains() {
    }

    /**
     * @param cert the certificate
     * @param anchors trusted issuers
     * @return the anchor whose subject is the certificate's issuer and whose key verifies its signature
     */
    static Optional<X509Certificate> issuerOf(X509Certificate cert, Collection<X509Certificate> anchors) {
        for (X509Certificate anchor : anchors) {
            if (!anchor.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                continue;
            }
            try {
                cert.verify(anchor.getPublicKey(), io.github.eidvn.chip.internal.Bc.PROVIDER);
                return Optional.of(anchor);
            } catch (GeneralSecurityException | RuntimeException e) {
                // another CSCA of the same name (key rollover) may have signed it
            }
        }
        return Optional.empty();
    }
}
