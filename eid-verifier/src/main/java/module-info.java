/**
 * eid verifier: the relying-party verification pipeline, the hospital insurance check and the State Bank transfer
 * authentication rules.
 */
module io.github.eidvn.verifier {
    requires transitive io.github.eidvn.core;
    requires transitive io.github.eidvn.qr;
    requires com.nimbusds.jose.jwt;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires org.slf4j;

    exports io.github.eidvn.verifier;
    exports io.github.eidvn.verifier.banking;
    exports io.github.eidvn.verifier.hospital;
    exports io.github.eidvn.verifier.sharing;
}
