package io.github.eidvn.postgres;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;

/** A signed audit checkpoint (see {@link AuditChain}). */
final class Checkpoint {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();
    private static final int MAX_JWS = 4096;

    private final long seq;
    private final byte[] head;

    private Checkpoint(long seq, byte[] head) {
        this.seq = seq;
        this.head = head;
    }

    long seq() {
        return seq;
    }

    byte[] head() {
        return head.clone();
    }

    static String sign(SigningKey key, long seq, byte[] head, long issuedAt) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", SigningKey.ALGORITHM);
        header.put("typ", AuditChain.CHECKPOINT_TYPE);
        header.put("kid", key.kid());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("seq", seq);
        payload.put("head", B64.encodeToString(head));
        payload.put("iat", issuedAt);
        String input = B64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        return input + "." + B64.encodeToString(key.signEs256(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** @return the checkpoint when the JWS is well formed and verifies with a trusted ES256 key */
    static Optional<Checkpoint> verify(String jws, TrustStore keys) {
        Objects.requireNonNull(keys, "keys");
        if (jws == null || jws.length() > MAX_JWS) {
            return Optional.empty();
        }
        String[] parts = jws.trim().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Map<String, Object> header = Json.parseObject(new String(D64.decode(parts[0]), StandardCharsets.UTF_8));
            Map<String, Object> payload = Json.parseObject(new String(D64.decode(parts[1]), StandardCharsets.UTF_8));
            if (header == null || payload == null || !SigningKey.ALGORITHM.equals(header.get("alg"))
                    || !AuditChain.CHECKPOINT_TYPE.equals(header.get("typ")) || !(header.get("kid") instanceof String)
                    || !(payload.get("seq") instanceof Number) || !(payload.get("head") instanceof String)) {
                return Optional.empty();
            }
            byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            byte[] signature = D64.decode(parts[2]);
            boolean verified = false;
            for (TrustedKey k : keys.candidates((String) header.get("kid"))) {
                if (SigningKey.ALGORITHM.equals(k.algorithm()) && k.verifiesEs256(input, signature)) {
                    verified = true;
                    break;
                }
            }
            byte[] head = D64.decode((String) payload.get("head"));
            long seq = ((Number) payload.get("seq")).longValue();
            if (!verified || head.length != 32 || seq < 1) {
                return Optional.empty();
            }
            return Optional.of(new Checkpoint(seq, head));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
