package io.github.eidvn.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.Purpose;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.consent.RelyingPartyRegistry;

/**
 * Registered relying parties in PostgreSQL (table {@code eid_relying_party}), so a restart keeps them: each row is
 * one party in the registry file format ({@link InMemoryRelyingPartyRegistry#partyToJson}: names, contact, purposes
 * with their fields, signing JWKS, encryption key), read back through the same registration rules. Every change is
 * audited in its transaction ({@code party.registered}, {@code party.replaced}, {@code party.removed}).
 *
 * <p>Thread-safe. A row that no longer passes the rules (e.g. a purpose removed from the catalogue) is not returned.
 */
public final class PostgresRelyingPartyRegistry implements RelyingPartyRegistry {

    private final DataSource dataSource;
    private final PurposeCatalogue catalogue;
    private final Clock clock;

    private PostgresRelyingPartyRegistry(DataSource dataSource, PurposeCatalogue catalogue, Clock clock) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * The registry of a database.
     *
     * @param database the database
     * @param catalogue the purposes parties may register
     * @param clock the clock stamping changes
     * @return the registry
     */
    public static PostgresRelyingPartyRegistry of(EidDatabase database, PurposeCatalogue catalogue, Clock clock) {
        return new PostgresRelyingPartyRegistry(Objects.requireNonNull(database, "database").dataSource(),
                Objects.requireNonNull(catalogue, "catalogue"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Registers a party.
     *
     * @param party the party
     * @throws IllegalArgumentException when the id is registered or a purpose is not this catalogue's entry
     * @throws io.github.eidvn.core.spi.StateStoreException when the database fails
     */
    public void register(RelyingParty party) {
        String json = checked(party);
        Instant now = clock.instant();
        boolean added = Tx.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO eid_relying_party (party_id, registration, "
                    + "registered_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (party_id) DO NOTHING")) {
                st.setString(1, party.id());
                st.setString(2, json);
                st.setObject(3, Tx.ts(now));
                st.setObject(4, Tx.ts(now));
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(c, new AuditEvent("party.registered", now, "-", "", party.id(), ""));
            return true;
        });
        if (!added) {
            throw new IllegalArgumentException("party " + party.id() + " is already registered");
        }
    }

    /**
     * Replaces a registered party (e.g. after a key rotation).
     *
     * @param party the new registration
     * @throws IllegalArgumentException when the id is not registered or a purpose is not in the catalogue
     * @throws io.github.eidvn.core.spi.StateStoreException when the database fails
     */
    public void replace(RelyingParty party) {
        String json = checked(party);
        Instant now = clock.instant();
        boolean replaced = Tx.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE eid_relying_party SET registration = ?, updated_at = ? WHERE party_id = ?")) {
                st.setString(1, json);
                st.setObject(2, Tx.ts(now));
                st.setString(3, party.id());
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(c, new AuditEvent("party.replaced", now, "-", "", party.id(), ""));
            return true;
        });
        if (!replaced) {
            throw new IllegalArgumentException("party " + party.id() + " is not registered");
        }
    }

    /**
     * Removes a party: its requests are refused from now on.
     *
     * @param partyId the id
     * @return true when it was registered
     * @throws io.github.eidvn.core.spi.StateStoreException when the database fails
     */
    public boolean remove(String partyId) {
        Objects.requireNonNull(partyId, "partyId");
        Instant now = clock.instant();
        return Tx.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM eid_relying_party WHERE party_id = ?")) {
                st.setString(1, partyId);
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(c, new AuditEvent("party.removed", now, "-", "", partyId, ""));
            return true;
        });
    }

    private String checked(RelyingParty party) {
        Objects.requireNonNull(party, "party");
        for (Purpose p : party.purposes().values()) {
            if (!catalogue.find(p.code()).map(p::equals).orElse(false)) {
                throw new IllegalArgumentException("party " + party.id() + ": purpose " + p.code()
                        + " is not this registry's catalogue entry");
            }
        }
        return Json.write(InMemoryRelyingPartyRegistry.partyToJson(party));
    }

    @Override
    public Optional<RelyingParty> find(String partyId) {
        if (!RelyingParty.isWellFormedId(partyId)) {
            return Optional.empty();
        }
        return Tx.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT registration FROM eid_relying_party WHERE party_id = ?")) {
                st.setString(1, partyId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? parse(rs.getString(1)) : Optional.<RelyingParty>empty();
                }
            }
        });
    }

    /**
     * The registered parties, sorted by id.
     *
     * @return the parties
     * @throws io.github.eidvn.core.spi.StateStoreException when the database fails
     */
    public List<RelyingParty> parties() {
        return Tx.run(dataSource, c -> {
            List<RelyingParty> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT registration FROM eid_relying_party ORDER BY party_id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    parse(rs.getString(1)).ifPresent(out::add);
                }
            }
            return List.copyOf(out);
        });
    }

    private Optional<RelyingParty> parse(String registration) {
        Map<String, Object> party = Json.parseObject(registration);
        if (party == null) {
            return Optional.empty();
        }
        try {
            return InMemoryRelyingPartyRegistry.fromJson(Json.write(Map.of("parties", List.of(party))), catalogue)
                    .parties().stream().findFirst();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public PurposeCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public String toString() {
        return "PostgresRelyingPartyRegistry[eid_relying_party]";
    }
}
