package io.github.eidvn.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.SigningKey;

/** Test helper: read and craft compact JWS tokens (including hostile ones). */
final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private Tokens() {
    }

    static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    static String b64(String utf8) {
        return b64(utf8.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> header(String jws) {
        return new LinkedHashMap<>(StrictJson.parseObject(D64.decode(jws.split("\\.", -1)[0])));
    }

    /** The payload claims (inflated when the header says zip). */
    static Map<String, Object> payload(String jws) {
        byte[] raw = D64.decode(jws.split("\\.", -1)[1]);
        if (header(jws).containsKey("zip")) {
            raw = RawDeflate.inflate(raw, RawDeflate.MAX_INFLATED_BYTES);
        }
        return new LinkedHashMap<>(StrictJson.parseObject(raw));
    }

    /** Signs {@code b64(header).b64(payload)} with ES256. */
    static String sign(SigningKey key, String headerJson, byte[] payload) {
        String input = b64(headerJson) + "." + b64(payload);
        return input + "." + b64(key.signEs256(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Re-signs header and claims (deflating the claims when the header has zip). */
    static String sign(SigningKey key, Map<String, Object> header, Map<String, Object> claims) {
        byte[] payload = StrictJson.write(claims);
        if (header.containsKey("zip")) {
            payload = RawDeflate.deflate(payload);
        }
        return sign(key, StrictJson.writeString(header), payload);
    }

    /** Replaces one part (0 header, 1 payload, 2 signature) of a compact JWS. */
    static String withPart(String jws, int index, String part) {
        String[] p = jws.split("\\.", -1);
        p[index] = part;
        return String.join(".", p);
    }
}
