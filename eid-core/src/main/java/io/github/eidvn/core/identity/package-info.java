/**
 * Vietnamese identity model: personal identification number, names, citizen profile, health-insurance number, age and card rules.
 */
package io.github.eidvn.core.identity;
