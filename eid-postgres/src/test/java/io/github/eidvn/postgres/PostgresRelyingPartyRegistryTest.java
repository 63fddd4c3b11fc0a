package io.github.eidvn.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.postgres.testing.TestDatabases;

/** Registrations on PostgreSQL survive a restart and are read back through the registration rules. */
class PostgresRelyingPartyRegistryTest {

    @Test
    void register_thenReopen_partyFoundWithKeysAndPurposes_andRequestsVerify() throws Exception {
        String url = TestDatabases.freshUrl();
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        try (EidDatabase db = EidDatabase.open(url)) {
            PostgresRelyingPartyRegistry registry = PostgresRelyingPartyRegistry.of(db, PurposeCatalogue.standard(),
                    Clock.systemUTC());
            registry.register(bank.party());
            assertThatThrownBy(() -> registry.register(bank.party())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already registered");
        }
        try (EidDatabase db = EidDatabase.open(url)) {
            PostgresRelyingPartyRegistry registry = PostgresRelyingPartyRegistry.of(db, PurposeCatalogue.standard(),
                    Clock.systemUTC());
            assertThat(InMemoryRelyingPartyRegistry.partyToJson(registry.find("vcb-bank").orElseThrow()))
                    .isEqualTo(InMemoryRelyingPartyRegistry.partyToJson(bank.party()));
            assertThat(registry.find("no-such-bank")).isEmpty();
            assertThat(registry.find("'; DROP TABLE eid_relying_party; --")).isEmpty();
            ConsentRequestSigner signer = ConsentRequestSigner.builder().partyId("vcb-bank")
                    .signingKey(bank.signingKey()).audience(ConsentFixtures.ISSUER).build();
            RequestResult checked = ConsentRequestVerifier.builder().registry(registry)
                    .audience(ConsentFixtures.ISSUER).build()
                    .verify(signer.request("bank-ekyc", java.util.Set.of(CitizenField.NAME)).sign().compactJws());
            assertThat(checked).isInstanceOf(VerifiedRequest.class);
            registry.replace(bank.party());
            assertThat(registry.parties()).extracting(p -> p.id()).containsExactly("vcb-bank");
            assertThat(registry.remove("vcb-bank")).isTrue();
            assertThat(registry.remove("vcb-bank")).isFalse();
            assertThat(registry.find("vcb-bank")).isEmpty();
            assertThatThrownBy(() -> registry.replace(bank.party())).isInstanceOf(IllegalArgumentException.class);
            List<String> audited = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT event_type FROM eid_audit_event ORDER BY seq")) {
                while (rs.next()) {
                    audited.add(rs.getString(1));
                }
            }
            assertThat(audited).containsExactly("party.registered", "party.replaced", "party.removed");
        }
    }
}
