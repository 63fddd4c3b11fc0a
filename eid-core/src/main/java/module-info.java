/**
 * eid core: identity model, assurance levels and assertion issuing, keys, consent, sharing, SPIs (account rules
 * live in io.github.eidvn.account).
 */
@SuppressWarnings("module") // the qualified export names modules that are not on the path when core is compiled
module io.github.eidvn.core {
    requires com.nimbusds.jose.jwt;
    requires org.bouncycastle.provider;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires java.net.http;

    // the optional native ES256 engine is found as a JCA provider service (NativeEs256)
    uses java.security.Provider;

    exports io.github.eidvn.core.assurance;
    exports io.github.eidvn.core.identity;
    exports io.github.eidvn.core.keys;
    exports io.github.eidvn.core.consent;
    exports io.github.eidvn.core.sharing;
    exports io.github.eidvn.core.result;
    exports io.github.eidvn.core.internal to io.github.eidvn.verifier, io.github.eidvn.qr, io.github.eidvn.oidc,
            io.github.eidvn.chip, io.github.eidvn.account;
    exports io.github.eidvn.core.jose to io.github.eidvn.verifier, io.github.eidvn.oidc;
    exports io.github.eidvn.core.spi;
}
