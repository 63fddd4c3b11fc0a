package io.github.eidvn.core.assurance;

import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, thread-safe {@link PopulationRegistry} held in memory: for tests, demos and small fixed data sets.
 */
public final class InMemoryPopulationRegistry implements PopulationRegistry {

    private final Map<PersonalNumber, CitizenProfile> records;

    private InMemoryPopulationRegistry(Map<PersonalNumber, CitizenProfile> records) {
        this.records = Map.copyOf(records);
    }

    /**
     * A registry holding these records.
     *
     * @param profiles the records
     * @return the registry
     * @throws IllegalArgumentException if two records have the same number
     */
    public static InMemoryPopulationRegistry of(CitizenProfile... profiles) {
        return of(List.of(profiles));
    }

    /**
     * A registry holding these records.
     *
     * @param profiles the records
     * @return the registry
     * @throws IllegalArgumentException if two records have the same number
     */
    public static InMemoryPopulationRegistry of(Collection<CitizenProfile> profiles) {
        Builder b = builder();
        profiles.forEach(b::add);
        return b.build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<CitizenProfile> lookup(PersonalNumber number) {
        return Optional.ofNullable(records.get(Objects.requireNonNull(number, "number")));
    }

    /** @return the number of records */
    public int size() {
        return records.size();
    }

    /** @return the record count, no personal data */
    @Override
    public String toString() {
        return "InMemoryPopulationRegistry[" + records.size() + " records]";
    }

    /** Collects records; each number once. */
    public static final class Builder {
        private final Map<PersonalNumber, CitizenProfile> records = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a record.
         *
         * @param profile the record
         * @return this builder
         * @throws IllegalArgumentException if a record with the same number was already added
         */
        public Builder add(CitizenProfile profile) {
            Objects.requireNonNull(profile, "profile");
            if (records.putIfAbsent(profile.personalNumber(), profile) != null) {
                throw new IllegalArgumentException("duplicate record for " + profile.personalNumber().masked());
            }
            return this;
        }

        /** @return the registry */
        public InMemoryPopulationRegistry build() {
            return new InMemoryPopulationRegistry(records);
        }
    }
}
