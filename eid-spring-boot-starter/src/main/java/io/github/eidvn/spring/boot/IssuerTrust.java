package io.github.eidvn.spring.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import io.github.eidvn.core.keys.TrustStore;

/**
 * The one place that turns {@code eid.verifier.issuers} into a {@link TrustStore}.
 *
 * <p>This eid version's {@code TrustStore} holds the keys of one issuer, read from a JWKS file: so exactly one
 * issuer with a {@code file:} JWKS is accepted, and anything else stops the application with the reason (several
 * issuers merged into one store would let each vouch for the other's {@code iss}).
 */
final class IssuerTrust {

    private IssuerTrust() {
    }

    /**
     * The trust store of the configured issuers.
     *
     * @param issuers {@code eid.verifier.issuers}
     * @return the store
     * @throws IllegalStateException when the configuration cannot be honoured as given
     */
    static TrustStore load(List<EidProperties.Issuer> issuers) {
        if (issuers.size() != 1) {
            throw new IllegalStateException("eid.verifier.issuers: exactly one issuer is supported by this eid "
                    + "version, " + issuers.size() + " given / chỉ hỗ trợ đúng một bên phát hành");
        }
        EidProperties.Issuer issuer = issuers.get(0);
        if (issuer.issuer() == null || issuer.issuer().isBlank()) {
            throw new IllegalStateException("eid.verifier.issuers[0].issuer is not set / chưa khai báo bên phát hành");
        }
        return readFile(jwksFile(issuer));
    }

    /** The JWKS file of an issuer whose {@code jwks} is a {@code file:} URI. */
    static Path jwksFile(EidProperties.Issuer issuer) {
        if (issuer.jwks() == null || !"file".equals(issuer.jwks().getScheme())) {
            throw new IllegalStateException("eid.verifier.issuers[0].jwks must be a file: URI in this eid version, "
                    + "not " + issuer.jwks() + " / khóa công khai phải là tệp (file:)");
        }
        return Path.of(issuer.jwks());
    }

    /** Reads a JWKS file into a store (the same reading as at startup). */
    static TrustStore readFile(Path file) {
        try {
            return TrustStore.fromJwksFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issuer JWKS " + file, e);
        }
    }
}
