/**
 * eid PostgreSQL: consent receipts as legal records, the relying-party registry, and a hash-chained, signed,
 * append-only security audit.
 */
module io.github.eidvn.postgres {
    requires transitive io.github.eidvn.core;
    requires transitive io.github.eidvn.account;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.github.eidvn.postgres;
}
