package io.github.eidvn.oidc.provider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.OIDCError;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * The steps of the authorization endpoint (the integrator's pages): take the pushed request, record the citizen's
 * authentication, then the consent (receipt issued and recorded, single-use code) or the decline. The transaction
 * lives in the {@link ProviderStore} and moves {@code authenticate} → {@code consent} by compare-and-set, so a step
 * replayed or run twice at once goes through once.
 */
final class AuthorizationSteps {

    private static final String PHASE = "phase";

    private final Issuer issuer;
    private final ProviderStore store;
    private final ConsentRequestVerifier consentRequests;
    private final ConsentReceiptIssuer receipts;
    private final ConsentLedger ledger;
    private final Duration consentValidity;
    private final Clock clock;

    AuthorizationSteps(Issuer issuer, ProviderStore store, ConsentRequestVerifier consentRequests,
            ConsentReceiptIssuer receipts, ConsentLedger ledger, Duration consentValidity, Clock clock) {
        this.issuer = issuer;
        this.store = store;
        this.consentRequests = consentRequests;
        this.receipts = receipts;
        this.ledger = ledger;
        this.consentValidity = consentValidity;
        this.clock = clock;
    }

    /** See {@link EidOidcProvider#begin}. */
    AuthorizationStep begin(String clientId, String requestUri) {
        String prefix = PushedAuthorizations.REQUEST_URI_PREFIX;
        if (clientId == null || requestUri == null || !requestUri.startsWith(prefix) || requestUri.length() > 200) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_REQUEST);
        }
        try {
            Optional<Map<String, Object>> pending = store.take(ProviderStore.PUSHED_REQUEST,
                    requestUri.substring(prefix.length()));
            if (pending.isEmpty() || !clientId.equals(pending.get().get("client"))) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_REQUEST);
            }
            Map<String, Object> tx = new LinkedHashMap<>(pending.get());
            tx.put(PHASE, "authenticate");
            String txId = store.newId();
            store.put(ProviderStore.TRANSACTION, txId, tx, EidOidcProvider.TRANSACTION_LIFETIME);
            Optional<Authorization> view = view(txId, tx);
            if (view.isEmpty()) {
                store.delete(ProviderStore.TRANSACTION, txId);
                return new AuthorizationStep.Redirect(consentExpired(tx));
            }
            return new AuthorizationStep.Authenticate(view.get());
        } catch (StateStoreException e) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNAVAILABLE);
        }
    }

    /** See {@link EidOidcProvider#authenticated}; the arguments are checked. */
    AuthorizationStep authenticated(String transactionId, PersonalNumber citizen, AssuranceLevel level,
            Collection<String> methods, Collection<Evidence> evidence) {
        try {
            Optional<ProviderStore.Versioned> read = transaction(transactionId, "authenticate");
            if (read.isEmpty()) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            Map<String, Object> tx = read.get().fields();
            AssuranceLevel required = level(tx, "level");
            if (!level.satisfies(required)) {
                if (!store.remove(read.get())) {
                    return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
                }
                return new AuthorizationStep.Redirect(errorRedirect(tx,
                        OIDCError.UNMET_AUTHENTICATION_REQUIREMENTS.setDescription("the citizen's identity is at "
                                + level.acr() + ", the client requires " + required.acr())));
            }
            Map<String, Object> next = new LinkedHashMap<>(tx);
            next.put(PHASE, "consent");
            next.put("citizen", citizen.value());
            next.put("achieved", level.number());
            next.put("amr", List.copyOf(methods));
            List<Object> ev = new ArrayList<>();
            for (Evidence e : evidence) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", e.type());
                m.put("check_details", List.of(Map.of("check_method", e.method())));
                m.putAll(e.attributes());
                ev.add(m);
            }
            next.put("evidence", ev);
            next.put("auth_time", clock.instant().getEpochSecond());
            if (!store.replace(read.get(), next, EidOidcProvider.TRANSACTION_LIFETIME)) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            return view(transactionId, next).<AuthorizationStep>map(AuthorizationStep.Consent::new)
                    .orElseGet(() -> new AuthorizationStep.Redirect(consentExpired(next)));
        } catch (StateStoreException e) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNAVAILABLE);
        }
    }

    /** See {@link EidOidcProvider#consent}. */
    AuthorizationStep consent(String transactionId, Collection<CitizenField> granted) {
        try {
            Optional<ProviderStore.Versioned> read = transaction(transactionId, "consent");
            if (read.isEmpty()) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            Map<String, Object> t = read.get().fields();
            RequestResult checked = consentRequests.verify((String) t.get("consent"));
            if (checked instanceof VerifiedRequest v && !v.request().fields().containsAll(granted)) {
                throw new IllegalArgumentException("only requested fields can be granted");
            }
            if (!store.remove(read.get())) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            if (granted.isEmpty()) {
                return new AuthorizationStep.Redirect(declined(t));
            }
            if (!(checked instanceof VerifiedRequest verified)) {
                return new AuthorizationStep.Redirect(consentExpired(t));
            }
            EnumSet<CitizenField> fields = EnumSet.copyOf(granted);
            PersonalNumber citizen = PersonalNumber.of((String) t.get("citizen"));
            ConsentReceiptIssuer.Issued issued = receipts.grant(verified, citizen, fields, consentValidity);
            ConsentLedger.RecordOutcome recorded = ledger.record(citizen, issued);
            if (recorded != ConsentLedger.RecordOutcome.RECORDED) {
                return new AuthorizationStep.Redirect(errorRedirect(t, OAuth2Error.ACCESS_DENIED
                        .setDescription("the consent could not be recorded: " + recorded)));
            }
            Map<String, Object> grant = new LinkedHashMap<>(t);
            grant.remove(PHASE);
            grant.remove("consent");
            grant.put("receipt", issued.receipt().id());
            List<String> names = new ArrayList<>();
            for (CitizenField f : fields) {
                names.add(f.claimName());
            }
            grant.put("fields", names);
            AuthorizationCode code = new AuthorizationCode(store.newId());
            store.put(ProviderStore.CODE, code.getValue(), grant, EidOidcProvider.CODE_LIFETIME);
            return new AuthorizationStep.Redirect(new AuthenticationSuccessResponse(
                    URI.create((String) t.get("redirect")), code, null, null, state(t), null, issuer,
                    ResponseMode.QUERY).toURI());
        } catch (StateStoreException e) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNAVAILABLE);
        }
    }

    /** See {@link EidOidcProvider#decline}. */
    AuthorizationStep decline(String transactionId) {
        try {
            Optional<Map<String, Object>> tx = transactionId == null ? Optional.empty()
                    : store.take(ProviderStore.TRANSACTION, transactionId);
            if (tx.isEmpty()) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            return new AuthorizationStep.Redirect(declined(tx.get()));
        } catch (StateStoreException e) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNAVAILABLE);
        }
    }

    /** The transaction, when it exists and is at the phase. */
    private Optional<ProviderStore.Versioned> transaction(String transactionId, String phase) {
        return transactionId == null ? Optional.empty()
                : store.read(ProviderStore.TRANSACTION, transactionId)
                        .filter(read -> phase.equals(read.fields().get(PHASE)));
    }

    /** What the pages show; empty when the party's consent request no longer verifies (expired). */
    private Optional<Authorization> view(String txId, Map<String, Object> tx) {
        RequestResult checked = consentRequests.verify((String) tx.get("consent"));
        if (!(checked instanceof VerifiedRequest verified)) {
            return Optional.empty();
        }
        return Optional.of(new Authorization(txId, verified.party(), verified.purpose(), verified.request().fields(),
                level(tx, "level")));
    }

    /**
     * A level stored as its number.
     *
     * @param record a transaction or code record
     * @param member {@code level} (required) or {@code achieved}
     * @return the level
     */
    static AssuranceLevel level(Map<String, Object> record, String member) {
        return AssuranceLevel.ofNumber(((Number) record.get(member)).intValue()).orElseThrow();
    }

    private URI consentExpired(Map<String, Object> tx) {
        return errorRedirect(tx, OAuth2Error.INVALID_REQUEST.setDescription("the consent request expired"));
    }

    private URI declined(Map<String, Object> tx) {
        return errorRedirect(tx, OAuth2Error.ACCESS_DENIED.setDescription("the citizen declined"));
    }

    private URI errorRedirect(Map<String, Object> tx, ErrorObject error) {
        return new AuthenticationErrorResponse(URI.create((String) tx.get("redirect")), error, state(tx), issuer,
                ResponseMode.QUERY).toURI();
    }

    private static State state(Map<String, Object> tx) {
        Object s = tx.get("state");
        return s == null ? null : new State((String) s);
    }
}
