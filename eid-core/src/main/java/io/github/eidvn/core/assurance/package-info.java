/**
 * Identity proofing (level 1 / level 2) and signed identity assertions.
 */
package io.github.eidvn.core.assurance;
