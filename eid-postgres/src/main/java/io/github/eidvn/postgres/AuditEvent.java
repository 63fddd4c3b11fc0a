package io.github.eidvn.postgres;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.eidvn.account.SecurityEvent;

/**
 * One entry of the security audit, before it is chained ({@link AuditLog}).
 *
 * <p>Types: {@code consent.requested}, {@code consent.granted}, {@code consent.opened}, {@code consent.withdrawn},
 * {@code consent.refused}; {@code account.<security event type in lower case>} (e.g. {@code account.login_failed});
 * {@code party.registered}, {@code party.replaced}, {@code party.removed}.
 *
 * @param type what happened: 1 to 64 of {@code a-z 0-9 _ .}
 * @param at when; kept to the microsecond (PostgreSQL's precision)
 * @param subject whom it is about: the citizen's ledger reference for consent events, the masked personal number for
 *     account events, or {@code "-"}; never a raw personal number or a secret
 * @param receiptId the consent receipt involved, or {@code ""}
 * @param partyId the relying party involved, or {@code ""}
 * @param detail a short non-secret detail (a reason, a purpose, a device), or {@code ""}
 */
public record AuditEvent(String type, Instant at, String subject, String receiptId, String partyId, String detail) {

    /** The longest subject, receipt id or party id. */
    public static final int MAX_FIELD = 256;
    /** The longest detail. */
    public static final int MAX_DETAIL = 2048;

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_.]{1,64}");

    /**
     * Checks the components and truncates {@code at} to microseconds.
     *
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the type is malformed or a text is too long
     */
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(detail, "detail");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("an audit type is 1 to 64 of a-z 0-9 _ .");
        }
        if (subject.length() > MAX_FIELD || receiptId.length() > MAX_FIELD || partyId.length() > MAX_FIELD
                || detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("an audit field is too long");
        }
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The consent events. */
    public enum Consent {
        /** A party's request was shown to the citizen. */
        REQUESTED,
        /** The citizen granted a consent; the receipt was recorded. */
        GRANTED,
        /** A party opened a delivery under an active receipt. */
        OPENED,
        /** The citizen withdrew a consent. */
        WITHDRAWN,
        /** A step was refused (an opening under a withdrawn, expired or unknown receipt, a replay, a limit). */
        REFUSED;

        /** @return the audit type, e.g. {@code consent.granted} */
        public String type() {
            return "consent." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A consent event.
     *
     * @param event what happened
     * @param at when
     * @param subject the citizen's ledger reference, or "-"
     * @param receiptId the receipt, or ""
     * @param partyId the party, or ""
     * @param detail a detail, or ""
     * @return the event
     */
    public static AuditEvent consent(Consent event, Instant at, String subject, String receiptId, String partyId,
            String detail) {
        return new AuditEvent(Objects.requireNonNull(event, "event").type(), at, subject, receiptId, partyId, detail);
    }

    /**
     * An account security event, as {@link io.github.eidvn.account.SecurityAudit} emits it (already masked and
     * free of secrets): type {@code account.<type>}, detail {@code device=<id> source=<source> detail=<detail>}.
     *
     * @param event the event
     * @return the audit event
     */
    public static AuditEvent account(SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        return new AuditEvent("account." + event.type().name().toLowerCase(Locale.ROOT), event.at(), event.subject(),
                "", "", "device=" + event.deviceId() + " source=" + event.source() + " detail=" + event.detail());
    }
}
