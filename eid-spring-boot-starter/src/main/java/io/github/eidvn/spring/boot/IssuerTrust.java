package io.github.eidvn.spring.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;

/**
 * The one place that turns {@code eid.verifier.issuers} into a {@link TrustStore}.
 *
 * <p>Each entry is one issuer with its own keys ({@link TrustStore#builder()}): a key of one issuer never verifies a
 * token whose {@code iss} names another. {@code jwks} is a {@code file:} URI (read once at startup) or an
 * {@code https:} URL (read when a token first needs a key, cached and refreshed, see
 * {@link TrustStore.Builder#issuerJwksUrl(String, URI)}; {@code http:} only on a loopback host, for tests).
 * Anything else stops the application with the reason.
 */
final class IssuerTrust {

    private IssuerTrust() {
    }

    /** Where an issuer's keys come from. */
    enum Source {
        /** A {@code file:} JWKS, read at startup. */
        FILE,
        /** An {@code https:} (or loopback {@code http:}) JWKS URL, read and refreshed by the trust store. */
        URL
    }

    /**
     * The trust store of the configured issuers.
     *
     * @param issuers {@code eid.verifier.issuers}
     * @return the store
     * @throws IllegalStateException when the configuration cannot be honoured as given
     */
    static TrustStore load(List<EidProperties.Issuer> issuers) {
        if (issuers.isEmpty()) {
            throw new IllegalStateException("eid.verifier.issuers is empty / chưa khai báo bên phát hành");
        }
        TrustStore.Builder b = TrustStore.builder();
        for (int i = 0; i < issuers.size(); i++) {
            EidProperties.Issuer issuer = issuers.get(i);
            String at = "eid.verifier.issuers[" + i + "]";
            String id = issuerId(issuer, i);
            try {
                if (source(issuer, i) == Source.FILE) {
                    b.issuer(id, readFile(Path.of(issuer.jwks())));
                } else {
                    b.issuerJwksUrl(id, issuer.jwks());
                }
            } catch (IllegalStateException e) {
                throw new IllegalStateException(at + ".issuer " + id + " is given twice / bên phát hành bị khai báo "
                        + "hai lần", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(at + ".jwks cannot be used: " + e.getMessage()
                        + " / không dùng được khóa công khai này", e);
            }
        }
        return b.build();
    }

    /** The issuer id of entry {@code i}, which must be set. */
    static String issuerId(EidProperties.Issuer issuer, int i) {
        if (issuer.issuer() == null || issuer.issuer().isBlank()) {
            throw new IllegalStateException("eid.verifier.issuers[" + i + "].issuer is not set / chưa khai báo bên "
                    + "phát hành");
        }
        return issuer.issuer();
    }

    /** Where entry {@code i}'s keys come from: a {@code file:} URI or an {@code https:}/{@code http:} URL. */
    static Source source(EidProperties.Issuer issuer, int i) {
        URI jwks = issuer.jwks();
        String scheme = jwks == null || jwks.getScheme() == null ? "" : jwks.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file":
                return Source.FILE;
            case "https":
            case "http":
                return Source.URL;
            default:
                throw new IllegalStateException("eid.verifier.issuers[" + i + "].jwks must be a file: URI or an "
                        + "https: URL, not " + jwks + " / khóa công khai phải là tệp (file:) hoặc địa chỉ https:");
        }
    }

    /** Reads a JWKS file into a store (the same reading as at startup). */
    static TrustStore readFile(Path file) {
        try {
            return TrustStore.fromJwksFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issuer JWKS " + file, e);
        }
    }

    /**
     * The {@code kid}s the store holds for an issuer (for one read from a URL: those of the last set read); all of
     * them when the store is a bare JWKS, whose keys stand for any issuer.
     */
    static List<String> kidsOf(TrustStore trust, String issuer) {
        Optional<String> wanted = Optional.of(issuer);
        return trust.keys().stream().filter(k -> trust.issuers().isEmpty() || k.issuer().equals(wanted))
                .map(TrustedKey::kid).toList();
    }
}
