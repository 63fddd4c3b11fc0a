package io.github.eidvn.oidc.provider;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import io.github.eidvn.core.internal.Base64Url;

/**
 * Mutual-TLS client authentication of one client (RFC 8705), instead of {@code private_key_jwt}: the client sends its
 * {@code client_id} and proves itself with the certificate of the TLS connection to the PAR and token endpoints.
 *
 * <ul>
 *   <li>{@link #selfSigned} ({@code self_signed_tls_client_auth}): the certificate must be one of those registered
 *       (compared by SHA-256 thumbprint of the DER encoding); it need not chain to anything.</li>
 *   <li>{@link #pki} ({@code tls_client_auth}): the certificate's subject must be the registered distinguished name;
 *       <b>the TLS server must have validated its chain</b> against the CAs the provider trusts for client
 *       certificates (the server's trust manager), since this check only reads the subject.</li>
 * </ul>
 * In both, a certificate outside its validity period is refused. Immutable.
 *
 * @param method {@code self_signed_tls_client_auth} or {@code tls_client_auth}
 * @param thumbprints for the self-signed method: the registered certificates' SHA-256 thumbprints, base64url
 * @param subject for the PKI method: the registered subject distinguished name
 */
public record TlsClientAuthentication(String method, Set<String> thumbprints, X500Principal subject) {

    /** RFC 8705 method name of {@link #selfSigned}. */
    public static final String SELF_SIGNED_TLS_CLIENT_AUTH = "self_signed_tls_client_auth";
    /** RFC 8705 method name of {@link #pki}. */
    public static final String TLS_CLIENT_AUTH = "tls_client_auth";

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException for an unknown method or the wrong identification for it
     */
    public TlsClientAuthentication {
        Objects.requireNonNull(method, "method");
        thumbprints = thumbprints == null ? Set.of() : Set.copyOf(thumbprints);
        if (SELF_SIGNED_TLS_CLIENT_AUTH.equals(method)) {
            if (thumbprints.isEmpty() || subject != null) {
                throw new IllegalArgumentException("self_signed_tls_client_auth needs certificates and no subject");
            }
        } else if (TLS_CLIENT_AUTH.equals(method)) {
            if (subject == null || !thumbprints.isEmpty()) {
                throw new IllegalArgumentException("tls_client_auth needs a subject and no certificates");
            }
        } else {
            throw new IllegalArgumentException("unknown TLS client authentication method: " + method);
        }
    }

    /**
     * {@code self_signed_tls_client_auth} with the client's registered certificates.
     *
     * @param certificates the certificates the client may present (several during a key rollover); at least one
     * @return the setting
     */
    public static TlsClientAuthentication selfSigned(X509Certificate... certificates) {
        Set<String> prints = new HashSet<>();
        for (X509Certificate c : certificates) {
            prints.add(thumbprint(Objects.requireNonNull(c, "certificate")));
        }
        return new TlsClientAuthentication(SELF_SIGNED_TLS_CLIENT_AUTH, prints, null);
    }

    /**
     * {@code tls_client_auth} with the client's registered subject distinguished name.
     *
     * @param subject the subject, such as {@code CN=bank.example.vn, O=Sandbox Bank, C=VN}
     * @return the setting
     */
    public static TlsClientAuthentication pki(String subject) {
        return new TlsClientAuthentication(TLS_CLIENT_AUTH, Set.of(), new X500Principal(subject));
    }

    /**
     * Whether a certificate presented on the TLS connection authenticates this client.
     *
     * @param certificate the client's certificate, or null when none was presented
     * @param now the time
     * @return true when it does
     */
    boolean accepts(X509Certificate certificate, Instant now) {
        if (certificate == null) {
            return false;
        }
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateException e) {
            return false;
        }
        return SELF_SIGNED_TLS_CLIENT_AUTH.equals(method) ? thumbprints.contains(thumbprint(certificate))
                : subject.equals(certificate.getSubjectX500Principal());
    }

    /**
     * The RFC 8705 {@code x5t#S256} thumbprint: SHA-256 of the certificate's DER encoding, base64url.
     *
     * @param certificate the certificate
     * @return the thumbprint
     */
    public static String thumbprint(X509Certificate certificate) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("cannot encode the certificate", e);
        }
    }
}
