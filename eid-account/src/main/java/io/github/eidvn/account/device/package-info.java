/**
 * One active device per account: device binding on the first password login, new-device confirmation with a code
 * sent to the active device, unlock with a signature of the device key (ECDSA P-256), sessions bound to the active
 * device, lost-device lock and recovery with a fresh level-2 assertion.
 */
package io.github.eidvn.account.device;
