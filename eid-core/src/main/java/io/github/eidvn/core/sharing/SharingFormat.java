package io.github.eidvn.core.sharing;

import java.util.Set;

/**
 * The wire format of a sealed delivery, shared by the sealer and the party's opener.
 *
 * <pre>
 * JWE (compact, RFC 7516)   protected header {"alg":"ECDH-ES+A256KW"|"RSA-OAEP-256","enc":"A256GCM","cty":"JWT",
 *                                             "kid":"&lt;RFC 7638 thumbprint of the party's encryption key&gt;"
 *                                             [,"epk":{...}]}           no "zip", no "crit"
 *   plaintext = JWS (compact, RFC 7515)   header {"alg":"ES256","typ":"vneid-share+jwt","kid":"&lt;issuer key&gt;"}
 *     payload {"iss":..,["sub":"&lt;pairwise citizen ref&gt;",]"aud":"&lt;party&gt;","iat":..,"exp":..,"jti":..,
 *              ["nonce":"&lt;request nonce&gt;",]"receipt_id":..,["purpose":..,]["acr":"urn:vn:eid:loa:2",
 *              "amr":["face",..],]
 *              "verified_claims":{"verification":{"trust_framework":"vn_eid"[,"assurance_level":"2"]},
 *                                 "claims":{&lt;only the granted fields&gt;}}}
 * </pre>
 * Sign-then-encrypt: the issuer's signature gives integrity and non-repudiation; the encryption to the one party's
 * key gives confidentiality (only that party can read it).
 */
public final class SharingFormat {

    /** The {@code typ} of the inner signed JWT. */
    public static final String INNER_TYPE = "vneid-share+jwt";
    /** The JWE {@code cty}. */
    public static final String CONTENT_TYPE = "JWT";
    /** The content encryption. */
    public static final String ENCRYPTION = "A256GCM";
    /** The trust framework named in {@code verified_claims}. */
    public static final String TRUST_FRAMEWORK = "vn_eid";
    /** The longest compact JWE an opener accepts, in characters (checked before parsing). */
    public static final int MAX_JWE_CHARS = 64 * 1024;
    /** The longest inner JWS accepted, in characters. */
    public static final int MAX_INNER_CHARS = 48 * 1024;
    /** The top-level claims of the inner JWT. */
    public static final Set<String> INNER_CLAIMS = Set.of("iss", "sub", "aud", "iat", "exp", "jti", "nonce",
            "receipt_id", "purpose", "acr", "amr", "verified_claims");

    private SharingFormat() {
    }
}
