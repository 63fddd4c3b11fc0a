package io.github.eidvn.oidc.client;

import java.io.IOException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.oidc.internal.Jws;

/**
 * This client's connection to the provider: the metadata from discovery (fetched on first use, then kept) and the
 * ID token validator made from it, the HTTP calls with their timeout (over the client's TLS context when mutual TLS is
 * configured), and the client authentication each call carries.
 */
final class ProviderConnection {

    /** The provider's metadata and the validator made from it. */
    record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    private final Issuer issuer;
    private final ClientID clientId;
    private final SigningKey key;
    private final Duration skew;
    private final Duration timeout;
    private final SSLSocketFactory tls;
    private final Clock clock;
    private volatile Provider provider;

    ProviderConnection(Issuer issuer, ClientID clientId, SigningKey key, Duration skew, Duration timeout,
            SSLSocketFactory tls, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.key = key;
        this.skew = skew;
        this.timeout = timeout;
        this.tls = tls;
        this.clock = clock;
    }

    /**
     * The provider, discovered on first use.
     *
     * @return the metadata and validator
     * @throws LoginRefusedException with {@code PROVIDER_UNAVAILABLE} when discovery fails
     */
    Provider provider() {
        try {
            return discover();
        } catch (IOException | GeneralException | RuntimeException e) {
            throw new LoginRefusedException(
                    new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE, "discovery: " + e.getMessage()));
        }
    }

    private Provider discover() throws IOException, GeneralException {
        Provider p = provider;
        if (p == null) {
            synchronized (this) {
                p = provider;
                if (p == null) {
                    int ms = (int) timeout.toMillis();
                    OIDCProviderMetadata m = OIDCProviderMetadata.resolve(issuer, r -> {
                        r.setConnectTimeout(ms);
                        r.setReadTimeout(ms);
                        if (tls != null) {
                            r.setSSLSocketFactory(tls);
                        }
                    });
                    if (m.getPushedAuthorizationRequestEndpointURI() == null || m.getTokenEndpointURI() == null
                            || m.getJWKSetURI() == null || m.getAuthorizationEndpointURI() == null) {
                        throw new GeneralException("the provider metadata lacks an endpoint");
                    }
                    URL jwks = m.getJWKSetURI().toURL();
                    JWKSource<SecurityContext> source = (tls == null ? JWKSourceBuilder.<SecurityContext>create(jwks)
                            : JWKSourceBuilder.<SecurityContext>create(jwks, new DefaultResourceRetriever(
                                    JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT,
                                    JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT,
                                    JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT, true, tls))).build();
                    IDTokenValidator v = new IDTokenValidator(issuer, clientId,
                            new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, source), null);
                    v.setMaxClockSkew((int) skew.getSeconds());
                    p = new Provider(m, v);
                    provider = p;
                }
            }
        }
        return p;
    }

    /** Sends a request with the configured timeout. */
    HTTPResponse send(HTTPRequest request) throws IOException {
        int ms = (int) timeout.toMillis();
        request.setConnectTimeout(ms);
        request.setReadTimeout(ms);
        return request.send();
    }

    /** Mutual TLS when configured, else a fresh private_key_jwt. */
    ClientAuthentication clientAuthentication() throws JOSEException {
        return tls != null ? new PKITLSClientAuthentication(clientId, tls) : privateKeyJwt();
    }

    /** A fresh private_key_jwt: this client, for the issuer, two minutes, a new {@code jti}. */
    PrivateKeyJWT privateKeyJwt() throws JOSEException {
        Instant now = clock.instant();
        JWTAuthenticationClaimsSet set = new JWTAuthenticationClaimsSet(clientId, List.of(new Audience(issuer)),
                Date.from(now.plusSeconds(120)), null, Date.from(now), new JWTID());
        return new PrivateKeyJWT(Jws.sign(key, null, set.toJWTClaimsSet()));
    }
}
