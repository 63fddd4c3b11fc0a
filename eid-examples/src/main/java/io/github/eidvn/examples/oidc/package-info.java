/**
 * "Log in with the national e-ID" on a sandbox: {@link io.github.eidvn.examples.oidc.SandboxProvider} runs the
 * eid-oidc provider core with made-up citizens and a simulated VNeID app approval.
 */
package io.github.eidvn.examples.oidc;
