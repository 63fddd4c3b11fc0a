/**
 * eid CLI: the integrator command-line tool.
 */
module io.github.eidvn.cli {
    requires io.github.eidvn.core;
    requires io.github.eidvn.account;
    requires io.github.eidvn.qr;
    requires io.github.eidvn.verifier;
    requires io.github.eidvn.chip;
    requires io.github.eidvn.postgres;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    // eid chip read: the optional PC/SC reader module (eid-chip-pcsc), when on the class path
    uses io.github.eidvn.chip.ChipReader;

    opens io.github.eidvn.cli to info.picocli;
}
