package io.github.eidvn.core.jose;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;

/**
 * A compact JWS split and decoded with limits, before any key is chosen: three parts of canonical base64url, a
 * non-empty protected header of strict JSON (no duplicate members) whose {@code alg}, {@code kid}, {@code typ} and
 * {@code zip} are strings when present, and no {@code b64} (RFC 7797). Nothing here is trusted: the signature has not
 * been checked. {@code alg} may be absent: each verifier decides what that means at its key stage.
 */
public final class CompactJws {

    private static final List<String> STRING_MEMBERS = List.of("alg", "kid", "typ", "zip");

    private final String headerText;
    private final String payloadText;
    private final String signatureText;
    private final Map<String, Object> header;
    private final byte[] rawPayload;
    private final byte[] signature;

    private CompactJws(String[] parts, Map<String, Object> header, byte[] rawPayload, byte[] signature) {
        this.headerText = parts[0];
        this.payloadText = parts[1];
        this.signatureText = parts[2];
        this.header = header;
        this.rawPayload = rawPayload;
        this.signature = signature;
    }

    /**
     * Parses a compact JWS.
     *
     * @param text the untrusted text (null or empty is {@link JoseDefect#MALFORMED})
     * @param maxChars the longest text accepted, checked before anything else ({@link JoseDefect#TOO_LARGE})
     * @return the parts
     * @throws JoseDefectException when the text is not a compact JWS of eid's strict form
     */
    public static CompactJws parse(String text, int maxChars) throws JoseDefectException {
        return parse(text, maxChars, headerText -> null);
    }

    /**
     * Parses a compact JWS, taking the parsed header from {@code knownHeaders} when it holds that exact header text
     * (texts already parsed by this method, so the result is the same as parsing again).
     *
     * @param text the untrusted text
     * @param maxChars the longest text accepted
     * @param knownHeaders the parsed header of a header text, or null when not known
     * @return the parts
     * @throws JoseDefectException when the text is not a compact JWS of eid's strict form
     */
    public static CompactJws parse(String text, int maxChars, Function<String, Map<String, Object>> knownHeaders)
            throws JoseDefectException {
        Objects.requireNonNull(knownHeaders, "knownHeaders");
        if (text == null || text.isEmpty()) {
            throw malformed("no input");
        }
        if (text.length() > maxChars) {
            throw new JoseDefectException(JoseDefect.TOO_LARGE, "compact JWS longer than " + maxChars
                    + " characters");
        }
        int first = text.indexOf('.');
        int second = first < 0 ? -1 : text.indexOf('.', first + 1);
        if (first < 0 || second < 0 || text.indexOf('.', second + 1) >= 0) {
            throw malformed("a compact JWS has exactly three dot-separated parts");
        }
        String[] parts = {text.substring(0, first), text.substring(first + 1, second), text.substring(second + 1)};
        if (parts[0].isEmpty()) {
            throw malformed("empty header");
        }
        Map<String, Object> known = knownHeaders.apply(parts[0]);
        byte[][] decoded = new byte[3][];
        for (int i = known == null ? 0 : 1; i < 3; i++) {
            try {
                decoded[i] = Base64Url.decode(parts[i]);
            } catch (IllegalArgumentException e) {
                throw malformed("part " + (i + 1) + ": " + e.getMessage());
            }
        }
        Map<String, Object> header = known;
        if (header == null) {
            try {
                header = StrictJson.parseObject(decoded[0]);
            } catch (IllegalArgumentException e) {
                throw malformed("header: " + e.getMessage());
            }
        }
        for (String member : STRING_MEMBERS) {
            Object v = header.get(member);
            if (v != null && !(v instanceof String)) {
                throw malformed("header " + member + " is not a string");
            }
        }
        if (header.containsKey("b64")) {
            throw malformed("header b64 (RFC 7797) is not accepted");
        }
        return new CompactJws(parts, header, decoded[1], decoded[2]);
    }

    private static JoseDefectException malformed(String detail) {
        return new JoseDefectException(JoseDefect.MALFORMED, detail);
    }

    /** @return the protected header as sent (base64url) */
    public String headerText() {
        return headerText;
    }

    /** @return the payload as sent (base64url) */
    public String payloadText() {
        return payloadText;
    }

    /** @return the signature as sent (base64url, canonical) */
    public String signatureText() {
        return signatureText;
    }

    /** @return the three parts as sent */
    public String[] parts() {
        return new String[] {headerText, payloadText, signatureText};
    }

    /** @return the protected header, strictly parsed (unmodifiable view not guaranteed: do not change it) */
    public Map<String, Object> header() {
        return header;
    }

    /** @return the header {@code alg}, or null */
    public String alg() {
        return (String) header.get("alg");
    }

    /** @return the header {@code kid}, or null */
    public String kid() {
        return (String) header.get("kid");
    }

    /** @return the header {@code typ}, or null */
    public String typ() {
        return (String) header.get("typ");
    }

    /** @return the header {@code zip}, or null */
    public String zip() {
        return (String) header.get("zip");
    }

    /** @return the payload bytes as signed (still compressed when {@code zip} is set); a copy */
    public byte[] rawPayload() {
        return rawPayload.clone();
    }

    /** @return the decoded signature; a copy */
    public byte[] signature() {
        return signature.clone();
    }

    /** @return the exact ASCII signing input {@code header.payload} */
    public byte[] signingInput() {
        return (headerText + "." + payloadText).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The payload with its size limit: without {@code zip} at most {@code maxBytes}; with {@code "zip":"DEF"}
     * inflated with that cap; any other {@code zip} is {@link JoseDefect#MALFORMED}.
     *
     * @param maxBytes the largest payload
     * @return the (inflated) payload
     * @throws JoseDefectException {@link JoseDefect#TOO_LARGE} or {@link JoseDefect#MALFORMED}
     */
    public byte[] payload(int maxBytes) throws JoseDefectException {
        String zip = zip();
        if (zip == null) {
            if (rawPayload.length > maxBytes) {
                throw new JoseDefectException(JoseDefect.TOO_LARGE, "payload larger than " + maxBytes + " bytes");
            }
            return rawPayload.clone();
        }
        if (!RawDeflate.JOSE_ZIP.equals(zip)) {
            throw malformed("unsupported zip");
        }
        try {
            return RawDeflate.inflate(rawPayload, maxBytes);
        } catch (RawDeflate.TooLargeException e) {
            throw new JoseDefectException(JoseDefect.TOO_LARGE, "payload inflates past " + maxBytes + " bytes");
        } catch (IllegalArgumentException e) {
            throw malformed("payload: " + e.getMessage());
        }
    }
}
