package io.github.eidvn.oidc.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.oidc.provider.EidOidcProvider;

/**
 * The checks of an ID token: Nimbus's {@link com.nimbusds.openid.connect.sdk.validators.IDTokenValidator} for the
 * ES256 signature from the provider's JWKS, issuer, audience, nonce and times (its failure named by the first check
 * that fails), then eid's own: a known {@code acr} at least the level asked, {@code verified_claims} under eid's trust
 * framework at that level, the consent receipt id and the subject.
 */
final class IdTokenChecks {

    private final Issuer issuer;
    private final ClientID clientId;
    private final Duration skew;
    private final Clock clock;

    IdTokenChecks(Issuer issuer, ClientID clientId, Duration skew, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.skew = skew;
        this.clock = clock;
    }

    /** Validates the ID token of a login; see {@link EidOidcClient#finish}. */
    LoginResult validate(ProviderConnection.Provider p, LoginSession session, String idToken) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (java.text.ParseException | RuntimeException e) {
            return new LoginRefused(LoginRefusal.MALFORMED, "ID token is not a signed JWT");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            return new LoginRefused(LoginRefusal.BAD_SIGNATURE, "ID token is not ES256");
        }
        IDTokenClaimsSet claims;
        try {
            claims = p.validator().validate(jwt, new Nonce(session.nonce()));
        } catch (BadJWSException e) {
            return new LoginRefused(LoginRefusal.BAD_SIGNATURE, e.getMessage());
        } catch (BadJWTException e) {
            return new LoginRefused(classify(jwt, session), e.getMessage());
        } catch (BadJOSEException e) {
            return new LoginRefused(LoginRefusal.BAD_SIGNATURE, e.getMessage());
        } catch (JOSEException e) {
            return new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE, "JWKS: " + e.getMessage());
        }
        return accept(claims.toJSONObject(), session.level(), jwt.serialize());
    }

    /** See {@link EidOidcClient#accept}; the arguments are checked. */
    static LoginResult accept(Map<String, ?> claims, AssuranceLevel required, String idToken) {
        AssuranceLevel level = claims.get("acr") instanceof String acr ? AssuranceLevel.fromAcr(acr).orElse(null) : null;
        if (level == null) {
            return new LoginRefused(LoginRefusal.MALFORMED, "ID token without a known acr");
        }
        if (!level.satisfies(required)) {
            return new LoginRefused(LoginRefusal.LEVEL_TOO_LOW, "acr " + level.acr() + " < " + required.acr());
        }
        SharedClaims verified;
        try {
            verified = verifiedClaims(claims.get("verified_claims"), level);
        } catch (IllegalArgumentException | ClassCastException e) {
            return new LoginRefused(LoginRefusal.MALFORMED, "verified_claims: " + e.getMessage());
        }
        if (!(claims.get(EidOidcProvider.RECEIPT_CLAIM) instanceof String receipt)) {
            return new LoginRefused(LoginRefusal.MALFORMED, "ID token without a consent receipt id");
        }
        if (!(claims.get("sub") instanceof String subject) || subject.isEmpty()) {
            return new LoginRefused(LoginRefusal.MALFORMED, "ID token without a subject");
        }
        List<String> methods = new ArrayList<>();
        if (claims.get("amr") instanceof Collection<?> amr) {
            for (Object a : amr) {
                methods.add(String.valueOf(a));
            }
        }
        Object at = claims.get("auth_time");
        Instant authTime = at instanceof Number n ? Instant.ofEpochSecond(n.longValue())
                : at instanceof Date d ? d.toInstant() : at instanceof Instant i ? i : null;
        return new LoggedIn(subject, level, methods, authTime, verified, receipt, idToken);
    }

    /** After Nimbus refused the claims (the signature has verified by then), names the first failed check. */
    private LoginRefusal classify(SignedJWT jwt, LoginSession session) {
        try {
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (!issuer.getValue().equals(c.getIssuer())) {
                return LoginRefusal.WRONG_ISSUER;
            }
            if (c.getAudience() == null || !c.getAudience().contains(clientId.getValue())) {
                return LoginRefusal.WRONG_AUDIENCE;
            }
            if (!session.nonce().equals(c.getStringClaim("nonce"))) {
                return LoginRefusal.NONCE_MISMATCH;
            }
            Instant now = clock.instant();
            if (c.getExpirationTime() == null || c.getIssueTime() == null
                    || !c.getExpirationTime().toInstant().plus(skew).isAfter(now)
                    || c.getIssueTime().toInstant().minus(skew).isAfter(now)) {
                return LoginRefusal.EXPIRED;
            }
            return LoginRefusal.MALFORMED;
        } catch (java.text.ParseException e) {
            return LoginRefusal.MALFORMED;
        }
    }

    private static SharedClaims verifiedClaims(Object raw, AssuranceLevel level) {
        if (!(raw instanceof Map<?, ?> vc)) {
            throw new IllegalArgumentException("missing");
        }
        if (!(vc.get("verification") instanceof Map<?, ?> verification)) {
            throw new IllegalArgumentException("missing verification");
        }
        if (!EidOidcProvider.TRUST_FRAMEWORK.equals(verification.get("trust_framework"))) {
            throw new IllegalArgumentException("unknown trust framework");
        }
        if (!Integer.toString(level.number()).equals(verification.get("assurance_level"))) {
            throw new IllegalArgumentException("assurance_level differs from acr");
        }
        if (!(vc.get("claims") instanceof Map<?, ?> claims)) {
            throw new IllegalArgumentException("missing claims");
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : claims.entrySet()) {
            named.put((String) e.getKey(), e.getValue());
        }
        return SharedClaims.of(named);
    }
}
