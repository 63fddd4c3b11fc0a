package io.github.eidvn.verifier.sharing;

/**
 * The outcome of {@link SharedDataOpener#open}: {@link Opened} with the verified citizen data, or
 * {@link OpenRejected} with the reason. Nothing partially decrypted is ever returned.
 */
public sealed interface OpenResult permits Opened, OpenRejected {

    /** @return true for {@link Opened} */
    boolean isOpened();
}
