package io.github.eidvn.verifier.hospital;

import java.util.List;
import java.util.Objects;

/**
 * The answer of a {@link HealthInsuranceLookup}: the cards found, none, or no answer.
 */
public sealed interface LookupResult {

    /**
     * The social-insurance system holds cards for the person (current and, where it answers them, past ones; the
     * check-in decides which one is valid on the day).
     *
     * @param cards the cards, at least one
     */
    record Found(List<InsuranceCard> cards) implements LookupResult {
        /**
         * Creates the value.
         *
         * @throws NullPointerException when the list or a card is null
         * @throws IllegalArgumentException when the list is empty
         */
        public Found {
            cards = List.copyOf(cards);
            if (cards.isEmpty()) {
                throw new IllegalArgumentException("Found needs at least one card; use NotFound");
            }
        }
    }

    /** The system answered and holds no card for the number. */
    record NotFound() implements LookupResult {
    }

    /**
     * No answer: time-out, network or server error, refused credentials, malformed or oversized answer.
     *
     * @param detail a technical detail for logs (English, no personal data)
     */
    record Unavailable(String detail) implements LookupResult {
        /**
         * Creates the value.
         *
         * @throws NullPointerException when the detail is null
         */
        public Unavailable {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
