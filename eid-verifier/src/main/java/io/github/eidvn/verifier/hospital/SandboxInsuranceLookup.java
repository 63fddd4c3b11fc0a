package io.github.eidvn.verifier.hospital;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link HealthInsuranceLookup} over a fixed list of cards, read from JSON: for trials, training and tests, never
 * a replacement for the social-insurance system. The JSON is an array of cards:
 * <pre>{@code
 * [{"personal_number":"001088001234","number":"GD4797920012345","name":"Trần Văn Đức",
 *   "birthdate":"1988-04-12","gender":"male","valid_from":"2026-01-01","valid_to":"2026-12-31",
 *   "benefit_level":4,"facility":"79024"}]
 * }</pre>
 * A query by personal number finds the cards with that {@code personal_number}; a query by social-insurance number
 * the cards whose number ends with it. Immutable and thread-safe; answers at once.
 */
public final class SandboxInsuranceLookup implements HealthInsuranceLookup {

    /** The largest file read, in bytes. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<InsuranceCard> cards;

    private SandboxInsuranceLookup(List<InsuranceCard> cards) {
        this.cards = List.copyOf(cards);
    }

    /**
     * A lookup over cards given in code.
     *
     * @param cards the cards
     * @return the lookup
     * @throws NullPointerException when the list or a card is null
     */
    public static SandboxInsuranceLookup of(List<InsuranceCard> cards) {
        return new SandboxInsuranceLookup(cards);
    }

    /**
     * A lookup over the cards of a JSON text.
     *
     * @param json the JSON array
     * @return the lookup
     * @throws IllegalArgumentException when the text is not a JSON array of valid cards (the message names the
     *     first bad entry and field, not its value)
     */
    public static SandboxInsuranceLookup fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return new SandboxInsuranceLookup(CardJson.cards(JSON.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (line " + e.getLocation().getLineNr() + ")", e);
        }
    }

    /**
     * A lookup over the cards of a JSON file (UTF-8, at most {@value #MAX_FILE_BYTES} bytes).
     *
     * @param file the file
     * @return the lookup
     * @throws IOException when the file cannot be read or is too large
     * @throws IllegalArgumentException when it is not a JSON array of valid cards
     */
    public static SandboxInsuranceLookup fromFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException("lookup file over " + MAX_FILE_BYTES + " bytes");
            }
            return fromJson(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Override
    public LookupResult lookup(InsuranceQuery query) {
        Objects.requireNonNull(query, "query");
        List<InsuranceCard> found = new ArrayList<>();
        for (InsuranceCard c : cards) {
            boolean match = query.kind() == InsuranceQuery.Kind.PERSONAL_NUMBER
                    ? c.personalNumber().filter(query.number()::equals).isPresent()
                    : c.socialInsuranceNumber().equals(query.number());
            if (match) {
                found.add(c);
            }
        }
        return found.isEmpty() ? new LookupResult.NotFound() : new LookupResult.Found(found);
    }

    /** @return the number of cards held */
    public int size() {
        return cards.size();
    }

    @Override
    public String toString() {
        return "SandboxInsuranceLookup[" + cards.size() + " cards]";
    }
}
