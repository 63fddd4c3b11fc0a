package io.github.eidvn.account.device;

/** The outcome of {@link AccountLogin#beginUnlock}: a challenge to sign, or a refusal. */
public sealed interface UnlockStart permits UnlockChallenge, LoginResult.Refused {
}
