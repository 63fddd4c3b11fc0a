/**
 * Relying-party verification pipeline: trust store, fixed stage order, sealed results.
 */
package io.github.eidvn.verifier;
