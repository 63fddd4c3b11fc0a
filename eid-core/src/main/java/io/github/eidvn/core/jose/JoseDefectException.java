package io.github.eidvn.core.jose;

import java.util.Objects;

/**
 * A compact JOSE text that cannot be parsed: the {@link JoseDefect} and a technical detail (never personal data
 * or key material; attacker-chosen values appear only through {@link JoseText#printable(String)}).
 */
public final class JoseDefectException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The defect. */
    private final JoseDefect defect;

    /**
     * @param defect the defect
     * @param detail a technical detail for logs
     */
    public JoseDefectException(JoseDefect defect, String detail) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.defect = Objects.requireNonNull(defect, "defect");
    }

    /** @return the defect */
    public JoseDefect defect() {
        return defect;
    }

    /** @return the technical detail (the message) */
    public String detail() {
        return getMessage();
    }
}
