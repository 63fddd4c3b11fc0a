package io.github.eidvn.qr;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.identity.Sex;

/**
 * The data printed in the <em>unsigned</em> QR code on the back of a Vietnamese chip ID card (CCCD / căn cước):
 * {@code personalNumber|oldIdNumber|fullName|ddMMyyyy|gender|address|ddMMyyyy}.
 *
 * <p><b>Security.</b> This data is UNVERIFIED. The legacy chip-card QR carries no signature: anyone can print a QR
 * with any name and number in it. Never treat this value as an identity assertion, never use it to grant access or
 * to prove level 1 or level 2 identity; use it only to pre-fill a form that a person then checks against the card
 * itself (or to look the number up in a trusted system). {@link #toString()} masks the personal data so that it does
 * not end up in logs.
 *
 * @param personalNumber the 12-digit personal identification number (số định danh cá nhân)
 * @param oldIdNumber the old identity card number (CMND, usually 9 digits), often absent
 * @param fullName the full name, Unicode NFC
 * @param birthDate the date of birth
 * @param sex the sex as printed ("Nam" / "Nữ")
 * @param address the place of residence as printed, Unicode NFC
 * @param issueDate the card's date of issue
 */
public record LegacyChipCardData(String personalNumber, Optional<String> oldIdNumber, String fullName,
        LocalDate birthDate, Sex sex, String address, LocalDate issueDate) {

    /**
     * Creates the value (normally only {@link QrTextReader} does).
     *
     * @param personalNumber the 12-digit personal identification number
     * @param oldIdNumber the old identity card number, or empty
     * @param fullName the full name
     * @param birthDate the date of birth
     * @param sex the sex
     * @param address the place of residence
     * @param issueDate the card's date of issue
     * @throws NullPointerException when any component is null
     */
    public LegacyChipCardData {
        Objects.requireNonNull(personalNumber, "personalNumber");
        Objects.requireNonNull(oldIdNumber, "oldIdNumber");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(issueDate, "issueDate");
    }

    /**
     * Always {@code false}: this data comes from an unsigned QR code and has not been verified by anyone.
     *
     * @return false
     */
    public boolean verified() {
        return false;
    }

    /**
     * Masks personal data: shows only the last three digits of the personal number.
     *
     * @return a log-safe description
     */
    @Override
    public String toString() {
        return "LegacyChipCardData[UNVERIFIED, personalNumber=*********"
                + personalNumber.substring(Math.max(0, personalNumber.length() - 3)) + ", other fields masked]";
    }
}
