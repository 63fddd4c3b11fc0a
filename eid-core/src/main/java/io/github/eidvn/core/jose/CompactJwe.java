package io.github.eidvn.core.jose;

import java.util.Map;

import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.StrictJson;

/**
 * A compact JWE split and checked with limits, before any key is used: five parts of canonical base64url (only the
 * encrypted key may be empty, for the header stage to refuse), a protected header of strict JSON.
 */
public final class CompactJwe {

    private final String[] parts;
    private final Map<String, Object> header;

    private CompactJwe(String[] parts, Map<String, Object> header) {
        this.parts = parts;
        this.header = header;
    }

    /**
     * Parses a compact JWE.
     *
     * @param text the untrusted text (null or empty is {@link JoseDefect#MALFORMED})
     * @param maxChars the longest text accepted, checked before anything else ({@link JoseDefect#TOO_LARGE})
     * @return the parts
     * @throws JoseDefectException when the text is not a compact JWE of eid's strict form
     */
    public static CompactJwe parse(String text, int maxChars) throws JoseDefectException {
        if (text == null || text.isEmpty()) {
            throw malformed("no input");
        }
        if (text.length() > maxChars) {
            throw new JoseDefectException(JoseDefect.TOO_LARGE, "longer than " + maxChars + " characters");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 5) {
            throw malformed("a compact JWE has five dot-separated parts, not " + parts.length);
        }
        for (int i = 0; i < 5; i++) {
            if (parts[i].isEmpty() && i != 1) { // an empty encrypted key (direct key agreement) fails at the header
                throw malformed("part " + (i + 1) + " is empty");
            }
            try {
                Base64Url.decode(parts[i]);
            } catch (IllegalArgumentException e) {
                throw malformed("part " + (i + 1) + ": " + e.getMessage());
            }
        }
        try {
            return new CompactJwe(parts, StrictJson.parseObject(Base64Url.decode(parts[0])));
        } catch (IllegalArgumentException e) {
            throw malformed("header: " + e.getMessage());
        }
    }

    private static JoseDefectException malformed(String detail) {
        return new JoseDefectException(JoseDefect.MALFORMED, detail);
    }

    /**
     * @param i 0 (protected header) to 4 (tag)
     * @return that part as sent (base64url)
     */
    public String part(int i) {
        return parts[i];
    }

    /** @return the protected header, strictly parsed (do not change it) */
    public Map<String, Object> header() {
        return header;
    }
}
