/**
 * e-ID account rules shared vocabulary: security events and their audit trail, personal-number and phone masking,
 * one phone number per person, and the {@link io.github.eidvn.account.RecoveryProof} a level-2 assertion
 * provides for lost-device recovery.
 *
 * <p>Sub-packages: {@code password} (policies, Argon2id hashing, breached-password check), {@code otp} (HOTP, TOTP,
 * SMS/e-mail codes), {@code lock} (account locks, brute-force and per-source throttling), {@code device} (one active
 * device, sessions, new-device confirmation, unlock with the device key, recovery). All mutable state goes through
 * {@link io.github.eidvn.core.spi.StateStore}.
 */
package io.github.eidvn.account;
