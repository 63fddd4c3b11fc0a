/**
 * A SANDBOX e-ID platform for tests and demos: {@link io.github.eidvn.testkit.SandboxPlatform} (issuer keys and
 * JWKS, made-up citizens and their insurance cards, proofing with the {@link io.github.eidvn.testkit.FakeFaceMatcher},
 * party registry, consent ledger and receipts, sealer) and its helpers that issue a hospital presentation, an eKYC
 * package or a level-2 step-up assertion for a citizen.
 *
 * <p><b>Security.</b> Nothing here is fit for production: the matcher compares no face, the citizens are made up,
 * the keys live in memory. No real verifier trusts {@link io.github.eidvn.testkit.SandboxPlatform#ISSUER_ID}.
 */
package io.github.eidvn.testkit;
