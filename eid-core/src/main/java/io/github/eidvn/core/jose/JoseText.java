package io.github.eidvn.core.jose;

/** Attacker-chosen JOSE values made safe for a rejection's technical detail. */
public final class JoseText {

    private static final int MAX_SHOWN = 64;

    private JoseText() {
    }

    /**
     * At most 64 printable ASCII characters of an attacker-chosen value, quoted; other characters become {@code ?}
     * and a longer value ends in {@code ...}.
     *
     * @param s the value, may be null
     * @return the quoted value, or {@code (none)} for null
     */
    public static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length() && i < MAX_SHOWN; i++) {
            char ch = s.charAt(i);
            b.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        if (s.length() > MAX_SHOWN) {
            b.append("...");
        }
        return b.append('"').toString();
    }
}
