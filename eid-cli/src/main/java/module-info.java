/**
 * eid CLI: the integrator command-line tool.
 */
module io.github.eidvn.cli {
    requires io.github.eidvn.core;
    requires io.github.eidvn.qr;
    requires io.github.eidvn.verifier;
    requires io.github.eidvn.postgres;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    opens io.github.eidvn.cli to info.picocli;
}
