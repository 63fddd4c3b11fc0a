/**
 * eid core: identity model, assurance levels and assertion issuing, keys.
 */
module io.github.eidvn.core {
    requires com.nimbusds.jose.jwt;
    requires org.bouncycastle.provider;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.github.eidvn.core.assurance;
    exports io.github.eidvn.core.identity;

}
