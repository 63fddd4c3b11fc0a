/**
 * Consent: registered relying parties and the purpose catalogue, signed consent requests (checked on the citizen side
 * before anything is shown), consent receipts with the items Nghị định 13/2023/NĐ-CP asks for, and the consent
 * ledger (record, list, withdraw, export) over a {@link io.github.eidvn.core.consent.ConsentRecords} storage: the
 * state-store SPI by default, PostgreSQL from {@code eid-postgres}.
 *
 * <p>Flow: a party signs a request with {@link io.github.eidvn.core.consent.ConsentRequestSigner}; the citizen's app
 * checks it with {@link io.github.eidvn.core.consent.ConsentRequestVerifier}; the citizen grants all or part of it
 * and {@link io.github.eidvn.core.consent.ConsentReceiptIssuer} signs a receipt, which the
 * {@link io.github.eidvn.core.consent.ConsentLedger} records; deliveries are then sealed with
 * {@link io.github.eidvn.core.sharing.SharingSealer}.
 */
package io.github.eidvn.core.consent;
