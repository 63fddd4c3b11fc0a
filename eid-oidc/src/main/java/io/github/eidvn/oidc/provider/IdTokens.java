package io.github.eidvn.oidc.provider;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.AuthorizedParty;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.oidc.internal.Jws;

/**
 * Assembles and signs ID tokens: the pairwise {@code sub}, the login's {@code nonce}, {@code auth_time},
 * {@code acr} and {@code amr}, {@code verified_claims} (OpenID Connect for Identity Assurance 1.0) and the consent
 * receipt id; ES256 by the key ring's current key, {@link EidOidcProvider#ID_TOKEN_LIFETIME}.
 */
final class IdTokens {

    private final Issuer issuer;
    private final KeyRing keys;
    private final CitizenReferences references;
    private final Clock clock;

    IdTokens(Issuer issuer, KeyRing keys, CitizenReferences references, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.references = references;
        this.clock = clock;
    }

    /**
     * @param clientId the client (the audience)
     * @param citizen the citizen (gives the pairwise subject)
     * @param grant the code's record (its {@code nonce}, {@code auth_time}, {@code amr} and {@code evidence})
     * @param level the level the citizen reached
     * @param claims the consented claims
     * @param receiptId the consent receipt id
     * @return the signed ID token
     */
    SignedJWT issue(String clientId, PersonalNumber citizen, Map<String, Object> grant, AssuranceLevel level,
            SharedClaims claims, String receiptId) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        IDTokenClaimsSet set = new IDTokenClaimsSet(issuer, new Subject(references.forParty(clientId, citizen)),
                List.of(new Audience(clientId)), Date.from(now.plus(EidOidcProvider.ID_TOKEN_LIFETIME)),
                Date.from(now));
        set.setNonce(new Nonce((String) grant.get("nonce")));
        set.setAuthenticationTime(Date.from(Instant.ofEpochSecond(((Number) grant.get("auth_time")).longValue())));
        set.setACR(new ACR(level.acr()));
        List<AMR> amr = new ArrayList<>();
        for (Object m : (List<?>) grant.get("amr")) {
            amr.add(new AMR((String) m));
        }
        set.setAMR(amr);
        set.setAuthorizedParty(new AuthorizedParty(clientId));
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", EidOidcProvider.TRUST_FRAMEWORK);
        verification.put("assurance_level", Integer.toString(level.number()));
        List<?> evidence = (List<?>) grant.get("evidence");
        if (evidence != null && !evidence.isEmpty()) {
            verification.put("evidence", evidence);
        }
        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put("verification", verification);
        verified.put("claims", claims.asMap());
        set.setClaim("verified_claims", verified);
        set.setClaim(EidOidcProvider.RECEIPT_CLAIM, receiptId);
        try {
            return Jws.sign(keys.current(), "JWT", set.toJWTClaimsSet());
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("the ID token could not be signed", e);
        }
    }
}
