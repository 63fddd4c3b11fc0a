package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.testing.ConsentFixtures;

/**
 * The registry file's shape, member by member, and the registry's replace/remove: a party is refused as soon as one
 * member has the wrong type, and removed parties are no longer found.
 */
class RelyingPartyRegistryFileTest {

    private final ConsentFixtures.Party bank = ConsentFixtures.bank();

    private Map<String, Object> party() {
        return new LinkedHashMap<>(InMemoryRelyingPartyRegistry.partyToJson(bank.party()));
    }

    private static String file(Object... parties) {
        return StrictJson.writeString(Map.of("parties", List.of(parties)));
    }

    private static void refused(String json, String contains) {
        assertThatThrownBy(() -> InMemoryRelyingPartyRegistry.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(contains);
    }

    @Test
    void memberOfTheWrongType_refusedNamingIt() {
        Map<String, Object> p = party();
        p.put("id", 5);
        refused(file(p), "id must be a string");
        p = party();
        p.put("name", "Ngân hàng");
        refused(file(p), "name must be a JSON object");
        p = party();
        p.put("name", Map.of("vi", "Ngân hàng"));
        refused(file(p), "name is");
        p = party();
        p.put("contact", List.of());
        refused(file(p), "contact must be a string");
        p = party();
        p.put("purposes", Map.of("bank-ekyc", "name"));
        refused(file(p), "must be an array");
        p = party();
        p.put("purposes", Map.of("bank-ekyc", List.of(1)));
        refused(file(p), "purposes.bank-ekyc[] must be a string");
        refused(file("not a party"), "not a JSON object");
        refused("{\"parties\":[],\"extra\":1}", "{\"parties\": [...]}");
    }

    @Test
    void partyCount_upToTheMaximum() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i <= InMemoryRelyingPartyRegistry.MAX_PARTIES; i++) {
            many.add(1);
        }
        refused(StrictJson.writeString(Map.of("parties", many)), "more than");
        many.remove(0);
        refused(StrictJson.writeString(Map.of("parties", many)), "party #0");
        assertThat(InMemoryRelyingPartyRegistry.fromJson(file()).parties()).isEmpty();
    }

    @Test
    void fileLongerThanTheMaximum_refusedBeforeParsing() {
        String big = "x".repeat(InMemoryRelyingPartyRegistry.MAX_JSON_CHARS + 1);
        refused(big, "longer than");
        String exactly = "{\"parties\":[]}" + " ".repeat(InMemoryRelyingPartyRegistry.MAX_JSON_CHARS - 14);
        assertThat(exactly).hasSize(InMemoryRelyingPartyRegistry.MAX_JSON_CHARS);
        assertThat(InMemoryRelyingPartyRegistry.fromJson(exactly).parties()).isEmpty();
    }

    @Test
    void replaceAndRemove() {
        InMemoryRelyingPartyRegistry r = ConsentFixtures.registry(bank);
        assertThat(r.remove("vcb-bank")).isTrue();
        assertThat(r.remove("vcb-bank")).isFalse();
        assertThat(r.find("vcb-bank")).isEmpty();
        assertThatThrownBy(() -> r.replace(bank.party())).isInstanceOf(IllegalArgumentException.class);
        r.register(bank.party());
        ConsentFixtures.Party rotated = ConsentFixtures.party("vcb-bank", "bank-ekyc", ConsentFixtures.ecKey());
        r.replace(rotated.party());
        assertThat(r.find("vcb-bank").orElseThrow().encryptionKey()).isEqualTo(rotated.party().encryptionKey());
        assertThat(r.toString()).isEqualTo("InMemoryRelyingPartyRegistry[1 parties]");
    }
}
