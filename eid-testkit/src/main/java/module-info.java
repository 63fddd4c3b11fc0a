/**
 * The eid test kit: a SANDBOX e-ID platform for tests ({@link io.github.eidvn.testkit.SandboxPlatform}). Never for
 * production: made-up citizens, a fake face matcher, keys generated in memory.
 */
module io.github.eidvn.testkit {
    requires transitive io.github.eidvn.core;
    requires transitive io.github.eidvn.qr;
    requires transitive io.github.eidvn.verifier;

    exports io.github.eidvn.testkit;
}
