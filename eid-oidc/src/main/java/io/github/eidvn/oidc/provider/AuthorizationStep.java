package io.github.eidvn.oidc.provider;

import java.net.URI;
import java.util.Objects;

/**
 * What the integrator's pages do next in an authorization: authenticate the citizen, show the consent, send the
 * browser back to the client, or show an error page.
 */
public sealed interface AuthorizationStep {

    /**
     * Authenticate the citizen (with the account rules, or the VNeID app approval), then call
     * {@link EidOidcProvider#authenticated}.
     *
     * @param authorization the pending authorization
     */
    record Authenticate(Authorization authorization) implements AuthorizationStep {
        /** Checks. */
        public Authenticate {
            Objects.requireNonNull(authorization, "authorization");
        }
    }

    /**
     * Show the party, purpose and fields and ask for consent; then call {@link EidOidcProvider#consent} or
     * {@link EidOidcProvider#decline}.
     *
     * @param authorization the pending authorization
     */
    record Consent(Authorization authorization) implements AuthorizationStep {
        /** Checks. */
        public Consent {
            Objects.requireNonNull(authorization, "authorization");
        }
    }

    /**
     * Redirect the browser (HTTP 303) to the client's registered redirect URI: with a code, or with an OAuth error.
     *
     * @param location the URI with its query
     */
    record Redirect(URI location) implements AuthorizationStep {
        /** Checks. */
        public Redirect {
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * Show an error page: nothing may be sent to the client.
     *
     * @param reason the reason, with messages in Vietnamese and English
     */
    record Refused(ProviderRefusal reason) implements AuthorizationStep {
        /** Checks. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
