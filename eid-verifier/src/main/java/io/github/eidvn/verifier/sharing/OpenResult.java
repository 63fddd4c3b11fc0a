package io.github.eidvn.verifier.sharing;

/**
 * The outcome of {@link SharedDataOpener#open}: {@link Opened} with the verified citizen data, or
 * {@link OpenRejected} with the reason. Nothing partially decrypted is ever returned.
 */
public sealed interface OpenResult permits Opened, OpenRejected {

    /** @return true for {@link Opened} */
    boolean isOpened();

    /**
     * The opened package, for callers that expect success (no cast, no pattern match).
     *
     * @return this result as an {@link Opened}
     * @throws IllegalStateException when it is an {@link OpenRejected}; the message holds the reason and the
     *     technical detail (never personal data)
     */
    default Opened opened() {
        if (this instanceof Opened o) {
            return o;
        }
        OpenRejected r = (OpenRejected) this;
        throw new IllegalStateException("not opened: " + r.reason() + " (" + r.detail() + ")");
    }

    /**
     * The rejection, for callers that expect one (tests, error paths).
     *
     * @return this result as an {@link OpenRejected}
     * @throws IllegalStateException when it is an {@link Opened}
     */
    default OpenRejected rejected() {
        if (this instanceof OpenRejected r) {
            return r;
        }
        throw new IllegalStateException("the package was opened, not rejected");
    }
}
