/**
 * The State Bank's authentication rules for online transfers (Quyết định 2345/QĐ-NHNN): which transfers an
 * e-wallet or bank app may make with an OTP and which need a face biometric check (matched against the chip ID
 * card's data, or through a level-2 e-ID).
 *
 * <p>{@link io.github.eidvn.verifier.banking.TransferRules} takes a
 * {@link io.github.eidvn.verifier.banking.Transfer}, the account's running total for the calendar day in Vietnam
 * (kept in a {@link io.github.eidvn.core.spi.StateStore}) and the
 * {@link io.github.eidvn.verifier.banking.TransferEvidence} at hand, and answers with a
 * {@link io.github.eidvn.verifier.banking.TransferDecision}: allow, step up to OTP, step up to biometrics, or
 * refuse a malformed amount, naming the rule that fired.
 */
package io.github.eidvn.verifier.banking;
