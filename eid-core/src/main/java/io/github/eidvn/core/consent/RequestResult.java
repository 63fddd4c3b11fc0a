package io.github.eidvn.core.consent;

/**
 * The outcome of {@link ConsentRequestVerifier#verify(String)}: {@link VerifiedRequest} (show the consent screen) or
 * {@link RequestRejected} (show the reason, share nothing).
 */
public sealed interface RequestResult permits VerifiedRequest, RequestRejected {

    /** @return true for {@link VerifiedRequest} */
    boolean isVerified();
}
