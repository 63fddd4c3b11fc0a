/**
 * eid core: identity model, assurance levels and assertion issuing, keys.
 */
@SuppressWarnings("module") // the qualified export names modules that are not on the path when core is compiled
module io.github.eidvn.core {
    requires com.nimbusds.jose.jwt;
    requires org.bouncycastle.provider;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.github.eidvn.core.assurance;
    exports io.github.eidvn.core.identity;
    exports io.github.eidvn.core.keys;
    exports io.github.eidvn.core.internal to io.github.eidvn.verifier, io.github.eidvn.qr;
}
