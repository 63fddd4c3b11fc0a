package io.github.eidvn.core.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * A person named in a citizen's record (father, mother, spouse, legal representative, household head): a name and,
 * when the registry has it, a personal identification number.
 *
 * <p>Immutable. {@link #toString()} is masked.
 */
public final class RelatedPerson {

    private final PersonName name;
    private final PersonalNumber number;

    private RelatedPerson(PersonName name, PersonalNumber number) {
        this.name = Objects.requireNonNull(name, "name");
        this.number = number;
    }

    /**
     * A person known by name only.
     *
     * @param name the name
     * @return the person
     */
    public static RelatedPerson of(PersonName name) {
        return new RelatedPerson(name, null);
    }

    /**
     * A person with a personal number.
     *
     * @param name the name
     * @param number the personal number
     * @return the person
     */
    public static RelatedPerson of(PersonName name, PersonalNumber number) {
        return new RelatedPerson(name, Objects.requireNonNull(number, "number"));
    }

    /** @return the name */
    public PersonName name() {
        return name;
    }

    /** @return the personal number, if recorded */
    public Optional<PersonalNumber> number() {
        return Optional.ofNullable(number);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RelatedPerson)) {
            return false;
        }
        RelatedPerson r = (RelatedPerson) o;
        return name.equals(r.name) && Objects.equals(number, r.number);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, number);
    }

    /** @return masked name and number */
    @Override
    public String toString() {
        return "RelatedPerson[" + name.masked() + (number == null ? "" : ", " + number.masked()) + "]";
    }
}
