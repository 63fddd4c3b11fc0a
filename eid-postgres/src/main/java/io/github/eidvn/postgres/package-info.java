/**
 * Records on PostgreSQL: consent receipts ({@link io.github.eidvn.postgres.PostgresConsentRecords}, the storage of
 * a {@link io.github.eidvn.core.consent.ConsentLedger}), relying-party registrations
 * ({@link io.github.eidvn.postgres.PostgresRelyingPartyRegistry}) and the security audit
 * ({@link io.github.eidvn.postgres.AuditLog}, verified by {@link io.github.eidvn.postgres.AuditChain}), in one
 * database opened with {@link io.github.eidvn.postgres.EidDatabase} (Flyway migrations shipped in this jar).
 */
package io.github.eidvn.postgres;
