package io.github.eidvn.account;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.CompareAndSet;
import io.github.eidvn.core.spi.StateStore;

/**
 * One phone number per person, one person per phone number.
 *
 * <p>A claim first takes the number with an atomic put-if-absent (refused when another person holds it), then points
 * the person at it with a compare-and-set, releasing the person's previous number with a delete-if-equals. Each step
 * is one atomic store operation; a failed second step rolls the first back.
 *
 * <p><b>Security.</b> Claiming a number should follow proof of possession (an SMS code from
 * {@link io.github.eidvn.account.otp.OutOfBandOtp} to that number); this class only enforces uniqueness. A
 * refused claim never reveals who holds the number.
 */
public final class PhoneNumberClaims {

    private static final int MAX_ROUNDS = 64;

    private final StateStore store;
    private final SecurityAudit audit;

    private PhoneNumberClaims(StateStore store, SecurityAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Claims over a store.
     *
     * @param store the state store
     * @param audit the audit trail
     * @return the claims service
     */
    public static PhoneNumberClaims create(StateStore store, SecurityAudit audit) {
        return new PhoneNumberClaims(Objects.requireNonNull(store, "store"), Objects.requireNonNull(audit, "audit"));
    }

    /**
     * Claims a number for a person; if the person held another number it is released (a number change).
     *
     * @param personalNumber the person (12 digits)
     * @param phone the number in any accepted form ({@link PhoneNumbers#normalize})
     * @return claimed (with the released number, if any) or refused
     */
    public PhoneClaimResult claim(String personalNumber, String phone) {
        if (!Checks.isPersonalNumber(personalNumber)) {
            return new PhoneClaimResult.Refused(PhoneClaimResult.Reason.INVALID_PERSONAL_NUMBER);
        }
        Optional<String> norm = PhoneNumbers.normalize(phone);
        if (norm.isEmpty()) {
            return new PhoneClaimResult.Refused(PhoneClaimResult.Reason.INVALID_PHONE);
        }
        String number = norm.get();
        byte[] pn = personalNumber.getBytes(StandardCharsets.US_ASCII);
        byte[] num = number.getBytes(StandardCharsets.US_ASCII);
        String ownerKey = ownerKey(number);
        boolean newlyTaken = false;
        boolean ours = false;
        for (int i = 0; i < MAX_ROUNDS && !ours; i++) {
            if (store.putIfAbsent(ownerKey, pn, StateStore.NO_EXPIRY)) {
                newlyTaken = true;
                ours = true;
            } else {
                Optional<byte[]> holder = store.get(ownerKey);
                if (holder.isPresent()) {
                    if (!Arrays.equals(holder.get(), pn)) {
                        audit.record(SecurityEventType.PHONE_CLAIM_REFUSED, personalNumber, null, null,
                                Masking.phone(number));
                        return new PhoneClaimResult.Refused(PhoneClaimResult.Reason.HELD_BY_ANOTHER_PERSON);
                    }
                    ours = true;
                }
            }
        }
        if (!ours) {
            return new PhoneClaimResult.Refused(PhoneClaimResult.Reason.CONTENDED);
        }
        String personKey = personKey(personalNumber);
        Optional<PhoneClaimResult> result = CompareAndSet.<PhoneClaimResult>update(store, personKey, current -> {
            if (current.isPresent() && Arrays.equals(current.get(), num)) {
                return new CompareAndSet.Done<>(claimed(personalNumber, number, Optional.empty()));
            }
            return new CompareAndSet.Write<>(num, StateStore.NO_EXPIRY, () -> {
                if (current.isEmpty()) {
                    return claimed(personalNumber, number, Optional.empty());
                }
                String old = new String(current.get(), StandardCharsets.US_ASCII);
                store.deleteIfEquals(ownerKey(old), pn);
                audit.record(SecurityEventType.PHONE_RELEASED, personalNumber, null, null, Masking.phone(old));
                return claimed(personalNumber, number, Optional.of(old));
            });
        });
        if (result.isPresent()) {
            return result.get();
        }
        if (newlyTaken) {
            store.deleteIfEquals(ownerKey, pn);
        }
        return new PhoneClaimResult.Refused(PhoneClaimResult.Reason.CONTENDED);
    }

    /**
     * Releases a person's number (only when that person holds it).
     *
     * @param personalNumber the person
     * @param phone the number in any accepted form
     * @return true when released
     */
    public boolean release(String personalNumber, String phone) {
        Optional<String> norm = PhoneNumbers.normalize(phone);
        if (!Checks.isPersonalNumber(personalNumber) || norm.isEmpty()) {
            return false;
        }
        byte[] pn = personalNumber.getBytes(StandardCharsets.US_ASCII);
        byte[] num = norm.get().getBytes(StandardCharsets.US_ASCII);
        store.deleteIfEquals(personKey(personalNumber), num);
        boolean released = store.deleteIfEquals(ownerKey(norm.get()), pn);
        if (released) {
            audit.record(SecurityEventType.PHONE_RELEASED, personalNumber, null, null, Masking.phone(norm.get()));
        }
        return released;
    }

    /**
     * Who holds a number.
     *
     * @param phone the number in any accepted form
     * @return the holder's personal number, or empty
     */
    public Optional<String> holderOf(String phone) {
        return PhoneNumbers.normalize(phone).flatMap(n -> store.get(ownerKey(n)))
                .map(b -> new String(b, StandardCharsets.US_ASCII));
    }

    /**
     * The number a person holds.
     *
     * @param personalNumber the person
     * @return the E.164 number, or empty
     */
    public Optional<String> phoneOf(String personalNumber) {
        if (!Checks.isPersonalNumber(personalNumber)) {
            return Optional.empty();
        }
        return store.get(personKey(personalNumber)).map(b -> new String(b, StandardCharsets.US_ASCII));
    }

    private PhoneClaimResult claimed(String personalNumber, String number, Optional<String> replaced) {
        audit.record(SecurityEventType.PHONE_CLAIMED, personalNumber, null, null, Masking.phone(number));
        return new PhoneClaimResult.Claimed(number, replaced);
    }

    private static String ownerKey(String e164) {
        return "eid:phone:owner:" + e164;
    }

    private static String personKey(String personalNumber) {
        return "eid:phone:of:" + personalNumber;
    }

    @Override
    public String toString() {
        return "PhoneNumberClaims";
    }
}
