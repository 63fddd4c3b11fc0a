package io.github.eidvn.core.consent;

/**
 * The outcome of {@link ConsentRequestVerifier#verify(String)}: {@link VerifiedRequest} (show the consent screen) or
 * {@link RequestRejected} (show the reason, share nothing).
 */
public sealed interface RequestResult permits VerifiedRequest, RequestRejected {

    /** @return true for {@link VerifiedRequest} */
    boolean isVerified();

    /**
     * The verified request, for callers that expect success (no cast, no pattern match).
     *
     * @return this result as a {@link VerifiedRequest}
     * @throws IllegalStateException when it is a {@link RequestRejected}; the message holds the reason and the
     *     technical detail (never personal data)
     */
    default VerifiedRequest verified() {
        if (this instanceof VerifiedRequest v) {
            return v;
        }
        RequestRejected r = (RequestRejected) this;
        throw new IllegalStateException("not verified: " + r.reason() + " (" + r.detail() + ")");
    }

    /**
     * The rejection, for callers that expect one (tests, error paths).
     *
     * @return this result as a {@link RequestRejected}
     * @throws IllegalStateException when it is a {@link VerifiedRequest}
     */
    default RequestRejected rejected() {
        if (this instanceof RequestRejected r) {
            return r;
        }
        throw new IllegalStateException("the request was verified, not rejected");
    }
}
