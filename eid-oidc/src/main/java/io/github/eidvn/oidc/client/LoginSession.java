package io.github.eidvn.oidc.client;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.util.JSONObjectUtils;

import io.github.eidvn.core.assurance.AssuranceLevel;

/**
 * The secrets of one login between {@link EidOidcClient#start} and {@link EidOidcClient#finish}: {@code state},
 * {@code nonce}, the PKCE code verifier and the required level. Keep it in the server-side session; a cluster may
 * store {@link #toJson()} in its session store and read it back with {@link #fromJson}.
 *
 * <p>Immutable. <b>Security:</b> the code verifier is a secret; {@link #toString()} withholds everything.
 */
public final class LoginSession {

    private final String state;
    private final String nonce;
    private final String codeVerifier;
    private final AssuranceLevel level;

    LoginSession(String state, String nonce, String codeVerifier, AssuranceLevel level) {
        this.state = Objects.requireNonNull(state, "state");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier");
        this.level = Objects.requireNonNull(level, "level");
    }

    String state() {
        return state;
    }

    String nonce() {
        return nonce;
    }

    String codeVerifier() {
        return codeVerifier;
    }

    /** @return the level this login requires */
    public AssuranceLevel level() {
        return level;
    }

    /**
     * The session as JSON, for a server-side session store. It holds secrets: never send it to the browser.
     *
     * @return the JSON
     */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state);
        m.put("nonce", nonce);
        m.put("code_verifier", codeVerifier);
        m.put("acr", level.acr());
        return JSONObjectUtils.toJSONString(m);
    }

    /**
     * Reads a session written by {@link #toJson()}.
     *
     * @param json the JSON
     * @return the session
     * @throws IllegalArgumentException when the JSON is not a session
     */
    public static LoginSession fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            Map<String, Object> m = JSONObjectUtils.parse(json);
            String acr = JSONObjectUtils.getString(m, "acr");
            AssuranceLevel level = AssuranceLevel.fromAcr(acr)
                    .orElseThrow(() -> new IllegalArgumentException("not a login session: unknown acr"));
            String state = JSONObjectUtils.getString(m, "state");
            String nonce = JSONObjectUtils.getString(m, "nonce");
            String verifier = JSONObjectUtils.getString(m, "code_verifier");
            if (state == null || nonce == null || verifier == null) {
                throw new IllegalArgumentException("not a login session: a member is missing");
            }
            return new LoginSession(state, nonce, verifier, level);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a login session: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "LoginSession[" + level.acr() + ", secrets withheld]";
    }
}
