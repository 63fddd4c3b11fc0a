package io.github.eidvn.core.sharing;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.eidvn.core.assurance.HealthInsuranceClaim;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.identity.BloodType;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.MaritalStatus;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.RelatedPerson;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.codec.CitizenClaims;
import io.github.eidvn.core.internal.FreeText;
import io.github.eidvn.core.internal.StrictJson;

/**
 * Citizen data by {@link CitizenField}, validated, with typed getters: what the issuer seals and what the party
 * reads after opening a delivery.
 *
 * <table>
 *   <caption>Value shapes (JSON)</caption>
 *   <tr><th>claim</th><th>value</th></tr>
 *   <tr><td>{@code personal_number name birthdate gender address phone_number health_insurance}</td><td>as in the
 *       assertion format (12 digits; text; ISO date; {@code male}/{@code female}; OpenID Connect address object;
 *       {@code +}digits; {@code {number, valid_from, valid_to, benefit_level, facility}})</td></tr>
 *   <tr><td>{@code email}</td><td>an e-mail address, at most 254 characters</td></tr>
 *   <tr><td>{@code nationality ethnicity religion hometown place_of_birth_registration permanent_residence
 *       temporary_residence current_residence relationship_to_household_head}</td><td>text, 1-500 characters, no
 *       control or format characters (bidi controls, zero-width characters)</td></tr>
 *   <tr><td>{@code marital_status}</td><td>{@code not_married}, {@code married}, {@code divorced} or
 *       {@code widowed}</td></tr>
 *   <tr><td>{@code old_id_number}</td><td>the old CMND number: 9 or 12 ASCII digits</td></tr>
 *   <tr><td>{@code blood_type}</td><td>{@code A}, {@code B}, {@code AB} or {@code O}</td></tr>
 *   <tr><td>{@code father mother spouse legal_representative household_head}</td><td>{@code {"name":..,
 *       ["personal_number":..]}}</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows field names only (personal data).
 */
public final class SharedClaims {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DIGITS12 = Pattern.compile("[0-9]{12}");
    private static final Pattern OLD_ID_NUMBER = Pattern.compile("[0-9]{9}|[0-9]{12}");
    private static final Set<CitizenField> BASE = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
            CitizenField.BIRTHDATE, CitizenField.GENDER, CitizenField.ADDRESS, CitizenField.PHONE_NUMBER,
            CitizenField.HEALTH_INSURANCE);
    private static final Set<CitizenField> PEOPLE = EnumSet.of(CitizenField.FATHER, CitizenField.MOTHER,
            CitizenField.SPOUSE, CitizenField.LEGAL_REPRESENTATIVE, CitizenField.HOUSEHOLD_HEAD);

    private static final SharedClaims EMPTY = new SharedClaims(new EnumMap<>(CitizenField.class));

    private final Map<CitizenField, Object> values;

    private SharedClaims(EnumMap<CitizenField, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** @return claims with no fields */
    public static SharedClaims empty() {
        return EMPTY;
    }

    /**
     * Validates claims given by claim name (e.g. parsed from JSON).
     *
     * @param claims claims by name
     * @return the claims, in field declaration order
     * @throws IllegalArgumentException for an unknown name or a badly shaped value (the message names the claim,
     *     never its value)
     */
    public static SharedClaims of(Map<String, ?> claims) {
        Objects.requireNonNull(claims, "claims");
        EnumMap<CitizenField, Object> out = new EnumMap<>(CitizenField.class);
        for (Map.Entry<String, ?> e : claims.entrySet()) {
            CitizenField f = CitizenField.fromClaimName(e.getKey()).orElseThrow(
                    () -> new IllegalArgumentException("unknown citizen field: " + e.getKey()));
            out.put(f, normalize(f, e.getValue()));
        }
        return new SharedClaims(out);
    }

    /**
     * Parses claims from a JSON object.
     *
     * @param json the JSON text
     * @return the claims
     * @throws IllegalArgumentException when the text is not strict JSON or a claim is unknown or badly shaped
     */
    public static SharedClaims parseJson(String json) {
        return of(StrictJson.parseObject(Objects.requireNonNull(json, "json")));
    }

    /**
     * Every field a population-registry record holds: the required four and each optional field present.
     * {@code address} is the OpenID Connect form of the current residence (or the permanent one when no current
     * residence is recorded), with {@code country} {@code VN}. {@code health_insurance} is not in the record: add it
     * with {@link #with(CitizenField, Object)} or {@link #plus(SharedClaims)}.
     *
     * @param p the record
     * @return the claims
     */
    public static SharedClaims fromProfile(CitizenProfile p) {
        Objects.requireNonNull(p, "profile");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(CitizenField.PERSONAL_NUMBER.claimName(), p.personalNumber().value());
        m.put(CitizenField.NAME.claimName(), p.fullName().value());
        m.put(CitizenField.BIRTHDATE.claimName(), p.birthDate().toString());
        m.put(CitizenField.GENDER.claimName(), p.sex().oidcValue());
        p.nationality().ifPresent(v -> m.put(CitizenField.NATIONALITY.claimName(), v));
        p.ethnicity().ifPresent(v -> m.put(CitizenField.ETHNICITY.claimName(), v));
        p.religion().ifPresent(v -> m.put(CitizenField.RELIGION.claimName(), v));
        p.hometown().ifPresent(v -> m.put(CitizenField.HOMETOWN.claimName(), v));
        p.placeOfBirthRegistration().ifPresent(v -> m.put(CitizenField.PLACE_OF_BIRTH_REGISTRATION.claimName(), v));
        p.permanentResidence().ifPresent(v -> m.put(CitizenField.PERMANENT_RESIDENCE.claimName(), v));
        p.temporaryResidence().ifPresent(v -> m.put(CitizenField.TEMPORARY_RESIDENCE.claimName(), v));
        p.currentResidence().ifPresent(v -> m.put(CitizenField.CURRENT_RESIDENCE.claimName(), v));
        Optional<String> where = p.currentResidence().or(p::permanentResidence);
        where.ifPresent(v -> {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("formatted", v);
            address.put("country", "VN");
            m.put(CitizenField.ADDRESS.claimName(), address);
        });
        p.maritalStatus().ifPresent(v -> m.put(CitizenField.MARITAL_STATUS.claimName(), maritalCode(v)));
        p.bloodType().ifPresent(v -> m.put(CitizenField.BLOOD_TYPE.claimName(), v.name()));
        p.father().ifPresent(v -> m.put(CitizenField.FATHER.claimName(), person(v)));
        p.mother().ifPresent(v -> m.put(CitizenField.MOTHER.claimName(), person(v)));
        p.spouse().ifPresent(v -> m.put(CitizenField.SPOUSE.claimName(), person(v)));
        p.legalRepresentative().ifPresent(v -> m.put(CitizenField.LEGAL_REPRESENTATIVE.claimName(), person(v)));
        p.householdHead().ifPresent(v -> m.put(CitizenField.HOUSEHOLD_HEAD.claimName(), person(v)));
        p.relationshipToHouseholdHead().ifPresent(
                v -> m.put(CitizenField.RELATIONSHIP_TO_HOUSEHOLD_HEAD.claimName(), v));
        p.phoneNumber().ifPresent(v -> m.put(CitizenField.PHONE_NUMBER.claimName(), v));
        p.email().ifPresent(v -> m.put(CitizenField.EMAIL.claimName(), v));
        return of(m);
    }

    private static String maritalCode(MaritalStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> person(RelatedPerson r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name().value());
        r.number().ifPresent(n -> m.put("personal_number", n.value()));
        return m;
    }

    private static Object normalize(CitizenField f, Object value) {
        String name = f.claimName();
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (BASE.contains(f)) {
            return CitizenClaims.normalize(Collections.singletonMap(name, value)).get(name);
        }
        if (PEOPLE.contains(f)) {
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException(name + " must be a JSON object");
            }
            Map<?, ?> in = (Map<?, ?>) value;
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : in.entrySet()) {
                if ("name".equals(e.getKey())) {
                    out.put("name", text(name + ".name", e.getValue(), PersonName.MAX_LENGTH));
                } else if ("personal_number".equals(e.getKey())) {
                    Object n = e.getValue();
                    if (!(n instanceof String) || !DIGITS12.matcher((String) n).matches()) {
                        throw new IllegalArgumentException(name + ".personal_number must be 12 digits");
                    }
                    out.put("personal_number", n);
                } else {
                    throw new IllegalArgumentException("unknown member of " + name + ": " + e.getKey());
                }
            }
            if (!out.containsKey("name")) {
                throw new IllegalArgumentException(name + ".name is missing");
            }
            return Collections.unmodifiableMap(out);
        }
        switch (f) {
            case EMAIL:
                String e = text(name, value, 254);
                if (!EMAIL.matcher(e).matches()) {
                    throw new IllegalArgumentException(name + " is not an e-mail address");
                }
                return e;
            case MARITAL_STATUS:
                String m = text(name, value, 16);
                for (MaritalStatus s : MaritalStatus.values()) {
                    if (maritalCode(s).equals(m)) {
                        return m;
                    }
                }
                throw new IllegalArgumentException(name + " must be not_married, married, divorced or widowed");
            case OLD_ID_NUMBER:
                if (!(value instanceof String) || !OLD_ID_NUMBER.matcher((String) value).matches()) {
                    throw new IllegalArgumentException(name + " must be 9 or 12 digits");
                }
                return value;
            case BLOOD_TYPE:
                String b = text(name, value, 2);
                if (BloodType.parse(b).map(t -> t.name().equals(b)).orElse(false)) {
                    return b;
                }
                throw new IllegalArgumentException(name + " must be A, B, AB or O");
            default:
                return text(name, value, 500);
        }
    }

    private static String text(String where, Object value, int max) {
        if (!(value instanceof String)) {
            throw new IllegalArgumentException(where + " must be a string");
        }
        String s = (String) value;
        if (s.isEmpty() || s.length() > max) {
            throw new IllegalArgumentException(where + " must have 1 to " + max + " characters");
        }
        if (FreeText.forbiddenCharacter(s) >= 0) {
            throw new IllegalArgumentException(where + " contains a control or format character");
        }
        return s;
    }

    /** @return the fields present, in declaration order */
    public Set<CitizenField> fields() {
        return values.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(values.keySet()));
    }

    /**
     * Whether a field is present.
     *
     * @param field the field
     * @return true when present
     */
    public boolean has(CitizenField field) {
        return values.containsKey(Objects.requireNonNull(field, "field"));
    }

    /**
     * The JSON value of a field.
     *
     * @param field the field
     * @return the value (String, or an unmodifiable Map for objects), or empty
     */
    public Optional<Object> value(CitizenField field) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(field, "field")));
    }

    /**
     * Only the given fields (data minimisation: the sealer keeps only what was granted).
     *
     * @param fields the fields to keep
     * @return the claims with at most those fields
     */
    public SharedClaims only(Set<CitizenField> fields) {
        Objects.requireNonNull(fields, "fields");
        EnumMap<CitizenField, Object> out = new EnumMap<>(CitizenField.class);
        for (Map.Entry<CitizenField, Object> e : values.entrySet()) {
            if (fields.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return new SharedClaims(out);
    }

    /**
     * These claims with one field added or replaced.
     *
     * @param field the field
     * @param value its JSON value
     * @return new claims
     * @throws IllegalArgumentException when the value is badly shaped
     */
    public SharedClaims with(CitizenField field, Object value) {
        Objects.requireNonNull(field, "field");
        EnumMap<CitizenField, Object> out = new EnumMap<>(CitizenField.class);
        out.putAll(values);
        out.put(field, normalize(field, value));
        return new SharedClaims(out);
    }

    /**
     * These claims and another set's (the other wins on a field both have).
     *
     * @param other more claims, e.g. {@code health_insurance} from the insurance registry
     * @return new claims
     */
    public SharedClaims plus(SharedClaims other) {
        Objects.requireNonNull(other, "other");
        EnumMap<CitizenField, Object> out = new EnumMap<>(CitizenField.class);
        out.putAll(values);
        out.putAll(other.values);
        return new SharedClaims(out);
    }

    /** @return the claims by claim name, in declaration order, unmodifiable */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k.claimName(), v));
        return Collections.unmodifiableMap(m);
    }

    /** @return the claims as compact JSON */
    public String toJson() {
        return StrictJson.writeString(asMap());
    }

    private Optional<String> string(CitizenField f) {
        Object v = values.get(f);
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    private Optional<RelatedPerson> related(CitizenField f) {
        Object v = values.get(f);
        if (!(v instanceof Map)) {
            return Optional.empty();
        }
        Map<?, ?> m = (Map<?, ?>) v;
        Optional<PersonName> name = PersonName.parse((String) m.get("name"));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Object n = m.get("personal_number");
        if (n == null) {
            return Optional.of(RelatedPerson.of(name.get()));
        }
        return PersonalNumber.parse((String) n).toOptional().map(pn -> RelatedPerson.of(name.get(), pn));
    }

    /** @return {@code personal_number}, parsed (empty when absent or not a valid number) */
    public Optional<PersonalNumber> personalNumber() {
        return string(CitizenField.PERSONAL_NUMBER).flatMap(s -> PersonalNumber.parse(s).toOptional());
    }

    /** @return {@code name} */
    public Optional<String> name() {
        return string(CitizenField.NAME);
    }

    /** @return {@code birthdate} */
    public Optional<LocalDate> birthdate() {
        return string(CitizenField.BIRTHDATE).map(LocalDate::parse);
    }

    /** @return {@code gender} as a sex (empty when absent or another value) */
    public Optional<Sex> gender() {
        return string(CitizenField.GENDER).flatMap(Sex::parse);
    }

    /** @return {@code address}: OpenID Connect members ({@code formatted}, {@code country}, ...) */
    public Optional<Map<String, String>> address() {
        Object v = values.get(CitizenField.ADDRESS);
        if (!(v instanceof Map)) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<?, ?>) v).forEach((k, x) -> out.put((String) k, (String) x));
        return Optional.of(Collections.unmodifiableMap(out));
    }

    /** @return {@code phone_number} */
    public Optional<String> phoneNumber() {
        return string(CitizenField.PHONE_NUMBER);
    }

    /** @return {@code email} */
    public Optional<String> email() {
        return string(CitizenField.EMAIL);
    }

    /** @return {@code old_id_number}: the old 9- or 12-digit CMND number */
    public Optional<String> oldIdNumber() {
        return string(CitizenField.OLD_ID_NUMBER);
    }

    /** @return {@code nationality} */
    public Optional<String> nationality() {
        return string(CitizenField.NATIONALITY);
    }

    /** @return {@code ethnicity} */
    public Optional<String> ethnicity() {
        return string(CitizenField.ETHNICITY);
    }

    /** @return {@code religion} */
    public Optional<String> religion() {
        return string(CitizenField.RELIGION);
    }

    /** @return {@code hometown} */
    public Optional<String> hometown() {
        return string(CitizenField.HOMETOWN);
    }

    /** @return {@code place_of_birth_registration} */
    public Optional<String> placeOfBirthRegistration() {
        return string(CitizenField.PLACE_OF_BIRTH_REGISTRATION);
    }

    /** @return {@code permanent_residence} */
    public Optional<String> permanentResidence() {
        return string(CitizenField.PERMANENT_RESIDENCE);
    }

    /** @return {@code temporary_residence} */
    public Optional<String> temporaryResidence() {
        return string(CitizenField.TEMPORARY_RESIDENCE);
    }

    /** @return {@code current_residence} */
    public Optional<String> currentResidence() {
        return string(CitizenField.CURRENT_RESIDENCE);
    }

    /** @return {@code marital_status} */
    public Optional<MaritalStatus> maritalStatus() {
        return string(CitizenField.MARITAL_STATUS).map(s -> MaritalStatus.valueOf(s.toUpperCase(Locale.ROOT)));
    }

    /** @return {@code blood_type} */
    public Optional<BloodType> bloodType() {
        return string(CitizenField.BLOOD_TYPE).flatMap(BloodType::parse);
    }

    /** @return {@code father} */
    public Optional<RelatedPerson> father() {
        return related(CitizenField.FATHER);
    }

    /** @return {@code mother} */
    public Optional<RelatedPerson> mother() {
        return related(CitizenField.MOTHER);
    }

    /** @return {@code spouse} */
    public Optional<RelatedPerson> spouse() {
        return related(CitizenField.SPOUSE);
    }

    /** @return {@code legal_representative} */
    public Optional<RelatedPerson> legalRepresentative() {
        return related(CitizenField.LEGAL_REPRESENTATIVE);
    }

    /** @return {@code household_head} */
    public Optional<RelatedPerson> householdHead() {
        return related(CitizenField.HOUSEHOLD_HEAD);
    }

    /** @return {@code relationship_to_household_head} */
    public Optional<String> relationshipToHouseholdHead() {
        return string(CitizenField.RELATIONSHIP_TO_HOUSEHOLD_HEAD);
    }

    /** @return {@code health_insurance} */
    public Optional<HealthInsuranceClaim> healthInsurance() {
        Object v = values.get(CitizenField.HEALTH_INSURANCE);
        if (!(v instanceof Map)) {
            return Optional.empty();
        }
        Map<?, ?> m = (Map<?, ?>) v;
        return Optional.of(new HealthInsuranceClaim((String) m.get("number"),
                LocalDate.parse((String) m.get("valid_from")), LocalDate.parse((String) m.get("valid_to")),
                (Integer) m.get("benefit_level"), (String) m.get("facility")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedClaims && ((SharedClaims) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** @return field names only, never values */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SharedClaims[");
        boolean first = true;
        for (CitizenField f : values.keySet()) {
            sb.append(first ? "" : ", ").append(f.claimName());
            first = false;
        }
        return sb.append(']').toString();
    }
}
