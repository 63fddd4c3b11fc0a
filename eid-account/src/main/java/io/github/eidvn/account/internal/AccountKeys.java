package io.github.eidvn.account.internal;

import java.util.Locale;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.lock.LockType;

/**
 * Every state-store key of the per-account services, in one place.
 *
 * <p>A per-account key holds the account as a hash tag, {@code {a.<base64url SHA-256 of the id>}}: the id itself (a
 * personal number, a customer number) never appears in a key, and a Redis Cluster puts every key of one account in
 * one slot (the Redis store keeps a caller's own tag). Keys that are not about one account (sessions by token,
 * recovery assertions by id, throttles by source) have no tag.
 */
public final class AccountKeys {

    private static final String[] LOCK_PREFIXES = java.util.Arrays.stream(LockType.values())
            .map(t -> "eid:lock:" + t.name().toLowerCase(Locale.ROOT) + ":").toArray(String[]::new);

    private AccountKeys() {
    }

    /**
     * @param account the account
     * @return its hash tag, braces included
     */
    public static String tag(AccountId account) {
        return "{a." + Secrets.hashId(account.value()) + "}";
    }

    /**
     * The keys of one account, its tag hashed once (a step that touches several of its keys uses this rather than
     * the static methods, each of which hashes the id again).
     *
     * @param account the account
     * @return its keys
     */
    public static Of of(AccountId account) {
        return new Of(tag(account));
    }

    /**
     * The keys of one account from its tag as {@link #tag} made it and a record kept it (a session record keeps its
     * account's tag, so that checking the session hashes nothing but the token).
     *
     * @param tag the tag, braces included
     * @return its keys, or empty when the text is not a tag
     */
    public static java.util.Optional<Of> ofTag(String tag) {
        return isTag(tag) ? java.util.Optional.of(new Of(tag)) : java.util.Optional.empty();
    }

    /** Whether the text has the form {@code {a.<43 base64url characters>}}. */
    private static boolean isTag(String tag) {
        return tag != null && tag.length() == 47 && tag.startsWith("{a.") && tag.charAt(46) == '}'
                && Checks.isBase64url(tag, 3, 46);
    }

    /** The keys of one account (see {@link AccountKeys#of}). */
    public static final class Of {
        private final String tag;

        private Of(String tag) {
            this.tag = tag;
        }

        /** @return the account's hash tag, braces included (see {@link AccountKeys#tag}) */
        public String tag() {
            return tag;
        }

        /** @return the device binding */
        public String binding() {
            return "eid:dev:bind:" + tag;
        }

        /** @return the lease that serializes password attempts */
        public String loginLease() {
            return "eid:login:lease:" + tag;
        }

        /** @return a lock of the given type */
        public String lock(LockType type) {
            return LOCK_PREFIXES[type.ordinal()] + tag;
        }

        /** @return the brute-force lock placed at the hard limit */
        public String hardLock() {
            return "eid:lock:brute_force_hard:" + tag;
        }

        /** @return the failed-password counter of the failure window */
        public String failures() {
            return "eid:bf:fail:" + tag;
        }

        /** @return the consecutive-failure counter */
        public String consecutiveFailures() {
            return "eid:bf:consecutive:" + tag;
        }
    }

    /** @return the device binding */
    public static String binding(AccountId account) {
        return of(account).binding();
    }

    /** @return the lease that serializes password attempts */
    public static String loginLease(AccountId account) {
        return of(account).loginLease();
    }

    /** @return a pending new-device challenge */
    public static String newDeviceChallenge(AccountId account, String challengeId) {
        return "eid:dev:chal:" + tag(account) + ":" + challengeId;
    }

    /** @return the tries counter of a new-device challenge */
    public static String newDeviceTries(AccountId account, String challengeId) {
        return "eid:dev:chal-tries:" + tag(account) + ":" + challengeId;
    }

    /** @return the pending unlock nonce of a device */
    public static String unlockNonce(AccountId account, String deviceId) {
        return "eid:dev:unlock:" + tag(account) + ":" + Secrets.hashId(deviceId);
    }

    /** @return a lock of the given type */
    public static String lock(LockType type, AccountId account) {
        return of(account).lock(type);
    }

    /** @return the brute-force lock placed at the hard limit (lifted only explicitly) */
    public static String hardLock(AccountId account) {
        return of(account).hardLock();
    }

    /** @return the failed-password counter of the failure window */
    public static String failures(AccountId account) {
        return of(account).failures();
    }

    /** @return the consecutive-failure counter (hard limit) */
    public static String consecutiveFailures(AccountId account) {
        return of(account).consecutiveFailures();
    }

    /** @return a password-reset ticket */
    public static String resetTicket(AccountId account, String ticketHash) {
        return "eid:reset:ticket:" + tag(account) + ":" + ticketHash;
    }

    /** @return the failed security-question counter */
    public static String resetAnswerFailures(AccountId account) {
        return "eid:reset:answers:" + tag(account);
    }

    /** @return a session, by the hash of its token */
    public static String session(String token) {
        return "eid:sess:" + Secrets.hashId(token);
    }

    /** @return a used recovery assertion, by the hash of its id */
    public static String recoveryAssertion(String assertionId) {
        return "eid:recovery:assertion:" + Secrets.hashId(assertionId);
    }

    /** @return a used authority decision, by the hash of its case reference */
    public static String authorityCase(String caseReference) {
        return "eid:recovery:authority-case:" + Secrets.hashId(caseReference);
    }
}
