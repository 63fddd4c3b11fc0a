package io.github.eidvn.verifier.hospital;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.Sex;

/**
 * The one JSON form of a card, shared by the sandbox file and the HTTP adapter's contract:
 * {@code {"personal_number","number","name","birthdate","gender","valid_from","valid_to","benefit_level",
 * "facility"}} with ISO dates, {@code gender} {@code male}/{@code female} (or {@code Nam}/{@code Nữ}) and
 * {@code benefit_level} 1 to 5; {@code personal_number} and {@code gender} may be absent or null.
 */
final class CardJson {

    private CardJson() {
    }

    /** A card, or an {@link IllegalArgumentException} naming the field that is wrong (never its value). */
    static InsuranceCard card(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a card is not a JSON object");
        }
        Optional<String> personalNumber = optionalText(n, "personal_number");
        String number = text(n, "number");
        String name = text(n, "name");
        LocalDate birth = date(n, "birthdate");
        Optional<Sex> sex = Optional.empty();
        Optional<String> gender = optionalText(n, "gender");
        if (gender.isPresent()) {
            sex = Optional.of(Sex.parse(gender.get()).orElseThrow(
                    () -> new IllegalArgumentException("gender is not male/female")));
        }
        JsonNode level = n.get("benefit_level");
        if (level == null || !level.isInt()) {
            throw new IllegalArgumentException("benefit_level is not a number 1 to 5");
        }
        BenefitLevel benefit = BenefitLevel.ofCode(level.intValue())
                .orElseThrow(() -> new IllegalArgumentException("benefit_level is not a number 1 to 5"));
        return new InsuranceCard(personalNumber, number, name, birth, sex, date(n, "valid_from"),
                date(n, "valid_to"), benefit, text(n, "facility"));
    }

    /** A card in the same form ({@link #card(JsonNode)} reads it back to an equal card). */
    static ObjectNode write(InsuranceCard c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("personal_number", c.personalNumber().orElse(null));
        n.put("number", c.number());
        n.put("name", c.holderName());
        n.put("birthdate", c.birthDate().toString());
        n.put("gender", c.sex().map(Sex::oidcValue).orElse(null));
        n.put("valid_from", c.validFrom().toString());
        n.put("valid_to", c.validTo().toString());
        n.put("benefit_level", c.benefitLevel().code());
        n.put("facility", c.facility());
        return n;
    }

    /** The cards of a JSON array; an {@link IllegalArgumentException} names the first bad entry by index. */
    static List<InsuranceCard> cards(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of cards");
        }
        List<InsuranceCard> cards = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                cards.add(card(array.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("card " + i + ": " + e.getMessage(), e);
            }
        }
        return cards;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return v.textValue();
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(n, field));
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        if (s.length() != 10) {
            throw new IllegalArgumentException(field + " is not an ISO date yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO date yyyy-MM-dd", e);
        }
    }
}
