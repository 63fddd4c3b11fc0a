package io.github.eidvn.oidc.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.sharing.SharedClaims;

/**
 * A completed login: the ID token verified (signature from the provider's JWKS, issuer, audience, nonce, time,
 * level). Only {@link EidOidcClient} builds one.
 *
 * <p>Immutable. <b>Security:</b> {@link #toString()} names the subject and level, never the claims.
 */
public final class LoggedIn implements LoginResult {

    private final String subject;
    private final AssuranceLevel level;
    private final List<String> methods;
    private final Instant authTime;
    private final SharedClaims claims;
    private final String receiptId;
    private final String idToken;

    LoggedIn(String subject, AssuranceLevel level, List<String> methods, Instant authTime, SharedClaims claims,
            String receiptId, String idToken) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.level = Objects.requireNonNull(level, "level");
        this.methods = List.copyOf(methods);
        this.authTime = authTime;
        this.claims = Objects.requireNonNull(claims, "claims");
        this.receiptId = Objects.requireNonNull(receiptId, "receiptId");
        this.idToken = Objects.requireNonNull(idToken, "idToken");
    }

    /** @return the pairwise subject: the same citizen always has the same value for this client, another for others */
    public String subject() {
        return subject;
    }

    /** @return the assurance level reached ({@code acr}), at least the required one */
    public AssuranceLevel level() {
        return level;
    }

    /** @return the authentication methods ({@code amr}) */
    public List<String> methods() {
        return methods;
    }

    /** @return when the citizen authenticated ({@code auth_time}), or null when the token does not say */
    public Instant authTime() {
        return authTime;
    }

    /** @return the verified claims the citizen consented to share */
    public SharedClaims claims() {
        return claims;
    }

    /** @return the id of the consent receipt behind this login (to show, or to check withdrawal later) */
    public String receiptId() {
        return receiptId;
    }

    /** @return the compact ID token, to keep as evidence of the login */
    public String idToken() {
        return idToken;
    }

    @Override
    public String toString() {
        return "LoggedIn[sub=" + subject + ", " + level.acr() + ", amr=" + methods + ", claims=" + claims.fields()
                + "]";
    }
}
