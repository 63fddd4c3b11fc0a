/**
 * The citizen claims an assertion or a shared claim set may carry ({@code CitizenClaims}: names, shapes,
 * normalisation), one place for issuer and verifier. Above {@code identity} and the {@code internal} primitives,
 * below {@code assurance}, {@code consent} and {@code sharing}. Not exported: an implementation detail.
 */
package io.github.eidvn.core.codec;
