package io.github.eidvn.core.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.eidvn.core.internal.StrictJson;

/**
 * The default {@link RelyingPartyRegistry}: parties held in this JVM, registered in code or read from the registry
 * file format.
 *
 * <h2 id="format">Registry file format (JSON, UTF-8)</h2>
 * <pre>{@code
 * {"parties": [
 *   {"id": "vietcombank",
 *    "name": {"vi": "Ngân hàng TMCP Ngoại thương Việt Nam", "en": "Joint Stock Commercial Bank for Foreign Trade of Vietnam"},
 *    "contact": "dpo@vietcombank.com.vn",
 *    "purposes": {"bank-ekyc": ["personal_number", "name", "birthdate", "gender", "permanent_residence"]},
 *    "jwks": {"keys": [ {"kty": "EC", "crv": "P-256", "x": "...", "y": "..."} ]},
 *    "encryption_jwk": {"kty": "EC", "crv": "P-256", "x": "...", "y": "..."}}
 * ]}
 * }</pre>
 * Every member is required; unknown or duplicate members are refused; purpose codes come from the registry's
 * catalogue and their fields must be allowed by it; keys follow {@link RelyingParty}'s rules.
 *
 * <p>Thread-safe.
 */
public final class InMemoryRelyingPartyRegistry implements RelyingPartyRegistry {

    /** The most characters a registry file may have. */
    public static final int MAX_JSON_CHARS = 4 * 1024 * 1024;
    /** The most parties a registry file may list. */
    public static final int MAX_PARTIES = 10_000;

    private static final Set<String> PARTY_MEMBERS = Set.of("id", "name", "contact", "purposes", "jwks",
            "encryption_jwk");

    private final PurposeCatalogue catalogue;
    private final Map<String, RelyingParty> parties = new ConcurrentHashMap<>();

    private InMemoryRelyingPartyRegistry(PurposeCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /**
     * An empty registry over the standard purpose catalogue.
     *
     * @return the registry
     */
    public static InMemoryRelyingPartyRegistry create() {
        return new InMemoryRelyingPartyRegistry(PurposeCatalogue.standard());
    }

    /**
     * An empty registry over a catalogue.
     *
     * @param catalogue the purposes parties may register
     * @return the registry
     */
    public static InMemoryRelyingPartyRegistry create(PurposeCatalogue catalogue) {
        return new InMemoryRelyingPartyRegistry(catalogue);
    }

    /**
     * Reads the registry file format over the standard catalogue.
     *
     * @param json the registry JSON
     * @return the registry
     * @throws IllegalArgumentException when the file breaks the format or a party breaks a registration rule
     */
    public static InMemoryRelyingPartyRegistry fromJson(String json) {
        return fromJson(json, PurposeCatalogue.standard());
    }

    /**
     * Reads the registry file format.
     *
     * @param json the registry JSON
     * @param catalogue the purposes parties may register
     * @return the registry
     * @throws IllegalArgumentException when the file breaks the format or a party breaks a registration rule (the
     *     message names the party)
     */
    public static InMemoryRelyingPartyRegistry fromJson(String json, PurposeCatalogue catalogue) {
        Objects.requireNonNull(json, "json");
        if (json.length() > MAX_JSON_CHARS) {
            throw new IllegalArgumentException("registry file longer than " + MAX_JSON_CHARS + " characters");
        }
        Map<String, Object> root = StrictJson.parseObject(json);
        if (!root.keySet().equals(Set.of("parties")) || !(root.get("parties") instanceof List)) {
            throw new IllegalArgumentException("a registry file is {\"parties\": [...]}");
        }
        List<?> list = (List<?>) root.get("parties");
        if (list.size() > MAX_PARTIES) {
            throw new IllegalArgumentException("more than " + MAX_PARTIES + " parties");
        }
        InMemoryRelyingPartyRegistry registry = create(catalogue);
        for (int i = 0; i < list.size(); i++) {
            String where = "party #" + i;
            try {
                registry.register(partyFromJson(list.get(i), catalogue));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return registry;
    }

    private static RelyingParty partyFromJson(Object raw, PurposeCatalogue catalogue) {
        if (!(raw instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<?, ?> m = (Map<?, ?>) raw;
        if (!m.keySet().equals(PARTY_MEMBERS)) {
            throw new IllegalArgumentException("a party has exactly the members " + PARTY_MEMBERS);
        }
        RelyingParty.Builder b = RelyingParty.builder();
        b.id(string(m.get("id"), "id"));
        Map<?, ?> name = object(m.get("name"), "name");
        if (!name.keySet().equals(Set.of("vi", "en"))) {
            throw new IllegalArgumentException("name is {\"vi\": ..., \"en\": ...}");
        }
        b.legalName(string(name.get("vi"), "name.vi"), string(name.get("en"), "name.en"));
        b.contact(string(m.get("contact"), "contact"));
        Map<?, ?> purposes = object(m.get("purposes"), "purposes");
        for (Map.Entry<?, ?> e : purposes.entrySet()) {
            String code = (String) e.getKey();
            Purpose p = catalogue.find(code).orElseThrow(
                    () -> new IllegalArgumentException("purpose " + code + " is not in the catalogue"));
            if (!(e.getValue() instanceof List)) {
                throw new IllegalArgumentException("purposes." + code + " must be an array of field names");
            }
            List<String> names = new ArrayList<>();
            for (Object o : (List<?>) e.getValue()) {
                names.add(string(o, "purposes." + code + "[]"));
            }
            b.purpose(p, CitizenField.parseAll(names));
        }
        b.signingJwks(StrictJson.writeString(object(m.get("jwks"), "jwks")));
        b.encryptionKey(PartyEncryptionKey.fromJwkMembers(object(m.get("encryption_jwk"), "encryption_jwk")));
        return b.build();
    }

    private static String string(Object v, String where) {
        if (!(v instanceof String)) {
            throw new IllegalArgumentException(where + " must be a string");
        }
        return (String) v;
    }

    private static Map<?, ?> object(Object v, String where) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return (Map<?, ?>) v;
    }

    /**
     * The registry file format of one party (a member of the {@code parties} array).
     *
     * @param party the party
     * @return the JSON object, ordered
     */
    public static Map<String, Object> partyToJson(RelyingParty party) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", party.id());
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("vi", party.legalNameVi());
        name.put("en", party.legalNameEn());
        out.put("name", name);
        out.put("contact", party.contact());
        Map<String, Object> purposes = new LinkedHashMap<>();
        for (String code : party.purposes().keySet()) {
            List<String> names = new ArrayList<>();
            for (CitizenField f : party.allowedFields(code).orElseThrow()) {
                names.add(f.claimName());
            }
            purposes.put(code, names);
        }
        out.put("purposes", purposes);
        out.put("jwks", StrictJson.parseObject(party.signingKeys().toJwksJson()));
        out.put("encryption_jwk", StrictJson.parseObject(party.encryptionKey().jwkJson()));
        return out;
    }

    /**
     * This registry in the registry file format.
     *
     * @return the JSON text
     */
    public String toJson() {
        List<Object> list = new ArrayList<>();
        for (RelyingParty p : parties()) {
            list.add(partyToJson(p));
        }
        return StrictJson.writeString(Map.of("parties", list));
    }

    /**
     * Registers a party.
     *
     * @param party the party (its keys and fields were checked when it was built)
     * @return this registry
     * @throws IllegalArgumentException when the id is already registered, or a purpose is not this registry's
     *     catalogue entry of that code
     */
    public InMemoryRelyingPartyRegistry register(RelyingParty party) {
        checkPurposes(party);
        if (parties.putIfAbsent(party.id(), party) != null) {
            throw new IllegalArgumentException("party " + party.id() + " is already registered");
        }
        return this;
    }

    /**
     * Replaces a registered party (e.g. after a key rotation).
     *
     * @param party the new registration
     * @throws IllegalArgumentException when the id is not registered or a purpose is not in the catalogue
     */
    public void replace(RelyingParty party) {
        checkPurposes(party);
        if (parties.replace(party.id(), party) == null) {
            throw new IllegalArgumentException("party " + party.id() + " is not registered");
        }
    }

    /**
     * Removes a party: its requests are refused from now on.
     *
     * @param partyId the id
     * @return true when it was registered
     */
    public boolean remove(String partyId) {
        Objects.requireNonNull(partyId, "partyId");
        return parties.remove(partyId) != null;
    }

    private void checkPurposes(RelyingParty party) {
        Objects.requireNonNull(party, "party");
        for (Purpose p : party.purposes().values()) {
            if (!catalogue.find(p.code()).map(p::equals).orElse(false)) {
                throw new IllegalArgumentException("party " + party.id() + ": purpose " + p.code()
                        + " is not this registry's catalogue entry");
            }
        }
    }

    @Override
    public Optional<RelyingParty> find(String partyId) {
        if (!RelyingParty.isWellFormedId(partyId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(parties.get(partyId));
    }

    @Override
    public PurposeCatalogue catalogue() {
        return catalogue;
    }

    /** @return the registered parties, sorted by id */
    public List<RelyingParty> parties() {
        List<RelyingParty> list = new ArrayList<>(parties.values());
        list.sort((a, b) -> a.id().compareTo(b.id()));
        return list;
    }

    @Override
    public String toString() {
        return "InMemoryRelyingPartyRegistry[" + parties.size() + " parties]";
    }
}
