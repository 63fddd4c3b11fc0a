/**
 * eid chip: the ICAO 9303 chip of the citizen ID card (CCCD / thẻ căn cước): TD1 MRZ, BAC keys and secure messaging,
 * passive and active authentication of the files read from a chip, DG1, DG2 and DG13.
 */
module io.github.eidvn.chip {
    requires transitive io.github.eidvn.core;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;

    exports io.github.eidvn.chip;
}
