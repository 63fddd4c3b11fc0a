package io.github.eidvn.core.result;

/**
 * A {@link BilingualText} that holds its two texts as one {@link Bilingual} value: the way every reason, refusal
 * and label enum of eid implements {@code BilingualText}, so that each carries one field, a one-line constructor and
 * one accessor instead of two fields and two accessors:
 * <pre>{@code
 * public enum Reason implements HasBilingualText {
 *     EMPTY("Chưa nhập số.", "No number was given.");
 *
 *     private final Bilingual text;
 *
 *     Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }
 *
 *     public Bilingual text() {
 *         return text;
 *     }
 * }
 * }</pre>
 * {@link Bilingual} checks the texts when the enum is loaded (non-blank, different), so a bad constant fails at once.
 */
public interface HasBilingualText extends BilingualText {

    /** @return both texts, never null */
    Bilingual text();

    /** @return {@link #text()}'s Vietnamese */
    @Override
    default String vietnamese() {
        return text().vietnamese();
    }

    /** @return {@link #text()}'s English */
    @Override
    default String english() {
        return text().english();
    }
}
