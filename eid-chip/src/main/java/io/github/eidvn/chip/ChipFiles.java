package io.github.eidvn.chip;

import static io.github.eidvn.core.internal.Once.once;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The raw files read from a chip, as a phone app or a desk reader uploads them: EF.SOD, the data groups and optionally
 * EF.COM, each with its outer tag (e.g. {@code 77} for EF.SOD, {@code 61} for DG1), exactly as read.
 *
 * <p>Size caps: EF.SOD {@value #MAX_SOD_BYTES} bytes, each data group {@value #MAX_DATA_GROUP_BYTES} bytes, EF.COM
 * {@value #MAX_COM_BYTES} bytes; data groups are numbered 1 to 16. Immutable; the builder copies every array.
 */
public final class ChipFiles {

    /** Largest EF.SOD accepted. */
    public static final int MAX_SOD_BYTES = 64 * 1024;
    /** Largest data group accepted (a JPEG 2000 portrait or fingerprints fit easily). */
    public static final int MAX_DATA_GROUP_BYTES = 512 * 1024;
    /** Largest EF.COM accepted. */
    public static final int MAX_COM_BYTES = 1024;

    private final byte[] sod;
    private final byte[] com;
    private final Map<Integer, byte[]> dataGroups;

    private ChipFiles(Builder b) {
        if (b.sod == null) {
            throw new IllegalStateException("EF.SOD is required");
        }
        this.sod = b.sod;
        this.com = b.com;
        this.dataGroups = Collections.unmodifiableMap(new TreeMap<>(b.dataGroups));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a copy of EF.SOD */
    public byte[] sod() {
        return sod.clone();
    }

    /** @return a copy of EF.COM, if given */
    public Optional<byte[]> com() {
        return Optional.ofNullable(com).map(byte[]::clone);
    }

    /**
     * @param number 1 to 16
     * @return a copy of the data group, if given
     */
    public Optional<byte[]> dataGroup(int number) {
        return Optional.ofNullable(dataGroups.get(number)).map(byte[]::clone);
    }

    /** @return the numbers of the data groups given, ascending */
    public java.util.SortedSet<Integer> dataGroupNumbers() {
        return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(dataGroups.keySet()));
    }

    /** @return the sizes only */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ChipFiles[SOD ").append(sod.length).append(" bytes");
        dataGroups.forEach((n, b) -> s.append(", DG").append(n).append(' ').append(b.length).append(" bytes"));
        return s.append(']').toString();
    }

    /** Builder; each file set once ({@link IllegalStateException} on a second call). */
    public static final class Builder {
        private byte[] sod;
        private byte[] com;
        private final Map<Integer, byte[]> dataGroups = new TreeMap<>();

        private Builder() {
        }

        private static byte[] sized(byte[] data, int max, String name) {
            Objects.requireNonNull(data, name);
            if (data.length == 0 || data.length > max) {
                throw new IllegalArgumentException(name + " must have 1 to " + max + " bytes, not " + data.length);
            }
            return data.clone();
        }

        /**
         * @param sod EF.SOD with its {@code 77} tag
         * @return this builder
         * @throws IllegalArgumentException if empty or larger than {@link #MAX_SOD_BYTES}
         */
        public Builder sod(byte[] sod) {
            once(this.sod, "EF.SOD");
            this.sod = sized(sod, MAX_SOD_BYTES, "EF.SOD");
            return this;
        }

        /**
         * @param com EF.COM with its {@code 60} tag (optional; informative only, the SOD decides what is covered)
         * @return this builder
         * @throws IllegalArgumentException if empty or larger than {@link #MAX_COM_BYTES}
         */
        public Builder com(byte[] com) {
            once(this.com, "EF.COM");
            this.com = sized(com, MAX_COM_BYTES, "EF.COM");
            return this;
        }

        /**
         * @param number the data group number, 1 to 16
         * @param data the data group with its outer tag
         * @return this builder
         * @throws IllegalArgumentException if the number is outside 1-16, or the data empty or larger than
         *     {@link #MAX_DATA_GROUP_BYTES}
         */
        public Builder dataGroup(int number, byte[] data) {
            if (number < 1 || number > 16) {
                throw new IllegalArgumentException("data groups are numbered 1 to 16, not " + number);
            }
            once(dataGroups.containsKey(number), "DG" + number);
            dataGroups.put(number, sized(data, MAX_DATA_GROUP_BYTES, "DG" + number));
            return this;
        }

        /**
         * @return the files
         * @throws IllegalStateException if EF.SOD is missing
         */
        public ChipFiles build() {
            return new ChipFiles(this);
        }
    }
}
