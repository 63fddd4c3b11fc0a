/**
 * The State Bank's rules for online transactions: the authentication rules of Quyết định 2345/QĐ-NHNN (which
 * transactions an e-wallet or bank app may make with an OTP and which need a face biometric check matched against the
 * chip ID card, or a level-2 e-ID: first online transaction, new device, top-ups and transfers over the thresholds)
 * and the account-holder rules of Thông tư 17/2024/TT-NHNN ({@link io.github.eidvn.verifier.banking.AccountHolder},
 * {@link io.github.eidvn.verifier.banking.AccountOpeningRules}).
 *
 * <p>{@link io.github.eidvn.verifier.banking.TransferRules} takes a
 * {@link io.github.eidvn.verifier.banking.Transfer}, the account's running total for the calendar day in Vietnam
 * (kept in a {@link io.github.eidvn.core.spi.StateStore}) and the
 * {@link io.github.eidvn.verifier.banking.TransferEvidence} at hand, and answers with a
 * {@link io.github.eidvn.verifier.banking.TransferDecision}: allow, step up to OTP, step up to biometrics, or
 * refuse (a malformed amount, an unmatched holder, an expired ID card), naming the rule or reason. Biometric
 * evidence is single-use and bound to one transfer by a challenge the rules issue and consume.
 */
package io.github.eidvn.verifier.banking;
