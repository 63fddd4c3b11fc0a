/**
 * The JOSE verification machinery shared by eid's three verifiers ({@code AssertionVerifier},
 * {@code SharedDataOpener}, {@code ConsentRequestVerifier}), written once: compact JWS/JWE parsing with limits into
 * the closed {@link io.github.eidvn.core.jose.JoseDefect} ({@link io.github.eidvn.core.jose.CompactJws},
 * {@link io.github.eidvn.core.jose.CompactJwe}), the signature check with keys pinned to their algorithm
 * ({@link io.github.eidvn.core.jose.JwsSignatures}), the fail-closed staged loop
 * ({@link io.github.eidvn.core.jose.StagedPipeline}), and the checks of eid's own token profiles
 * ({@link io.github.eidvn.core.jose.EidProfile}: low-S signatures, the lifetime cap, the methods behind level 2, the
 * binding of a key to its issuer). Each verifier keeps only its own stages and its defect-to-reason map. Exported
 * only to eid modules; not an API.
 */
package io.github.eidvn.core.jose;
