package io.github.eidvn.account.device;

/** The outcome of {@link AccountLogin#unlockByAuthority}. */
public enum AuthorityUnlockResult {
    /** Every lock was lifted and the new device replaced the lost one (it signs in with its key). */
    UNLOCKED,
    /** The new device id is malformed; nothing changed. */
    MALFORMED,
    /** The decision is dated in the future or more than 7 days ago; nothing changed. */
    STALE_DECISION,
    /** The case reference was already used for an unlock; nothing changed. */
    CASE_ALREADY_USED,
    /** The locks were lifted but the binding kept changing under concurrent requests; apply the decision again with a
     *  new case reference. */
    BUSY
}
