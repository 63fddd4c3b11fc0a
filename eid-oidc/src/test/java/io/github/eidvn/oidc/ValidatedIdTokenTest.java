package io.github.eidvn.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.oidc.client.LoggedIn;
import io.github.eidvn.oidc.client.LoginRefusal;
import io.github.eidvn.oidc.client.LoginRefused;
import io.github.eidvn.oidc.client.LoginResult;
import io.github.eidvn.oidc.provider.EidOidcProvider;

/**
 * eid's checks on an ID token another OpenID Connect client validated ({@link EidOidcClient#accept}, used by the
 * Spring Boot starter), and the argument checks of {@link EidOidcClient#push}.
 */
class ValidatedIdTokenTest {

    private static Map<String, Object> claims(String acr, String assuranceLevel) {
        Map<String, Object> c = new HashMap<>();
        c.put("sub", "pairwise-subject");
        c.put("acr", acr);
        c.put("amr", List.of("pwd", "otp"));
        c.put("auth_time", 1_800_000_000L);
        c.put(EidOidcProvider.RECEIPT_CLAIM, "receipt-1");
        c.put("verified_claims", Map.of(
                "verification", Map.of("trust_framework", EidOidcProvider.TRUST_FRAMEWORK,
                        "assurance_level", assuranceLevel),
                "claims", Map.of("name", "Trần Văn Đức")));
        return c;
    }

    @Test
    void accept_levelTwoWithVerifiedClaims_loggedIn() {
        LoginResult r = EidOidcClient.accept(claims(EidOidcProvider.ACR_LOA2, "2"), AssuranceLevel.LEVEL_2, "t");
        assertThat(r).isInstanceOf(LoggedIn.class);
        LoggedIn in = (LoggedIn) r;
        assertThat(in.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(in.claims().name()).contains("Trần Văn Đức");
        assertThat(in.receiptId()).isEqualTo("receipt-1");
        assertThat(in.methods()).containsExactly("pwd", "otp");
        assertThat(in.authTime().getEpochSecond()).isEqualTo(1_800_000_000L);
    }

    @Test
    void accept_levelOneWhenTwoRequired_refusedWithLevelTooLow() {
        LoginResult r = EidOidcClient.accept(claims(AssuranceLevel.LEVEL_1.acr(), "1"), AssuranceLevel.LEVEL_2, "t");
        assertThat(((LoginRefused) r).reason()).isEqualTo(LoginRefusal.LEVEL_TOO_LOW);
    }

    @Test
    void accept_verifiedClaimsAtAnotherLevelThanAcr_refusedAsMalformed() {
        LoginResult r = EidOidcClient.accept(claims(EidOidcProvider.ACR_LOA2, "1"), AssuranceLevel.LEVEL_1, "t");
        assertThat(((LoginRefused) r).reason()).isEqualTo(LoginRefusal.MALFORMED);
    }

    @Test
    void accept_withoutVerifiedClaimsOrReceiptOrKnownAcr_refusedAsMalformed() {
        for (String missing : List.of("verified_claims", EidOidcProvider.RECEIPT_CLAIM, "acr", "sub")) {
            Map<String, Object> c = claims(EidOidcProvider.ACR_LOA2, "2");
            c.remove(missing);
            LoginResult r = EidOidcClient.accept(c, AssuranceLevel.LEVEL_1, "t");
            assertThat(r).as(missing).isInstanceOf(LoginRefused.class);
            assertThat(((LoginRefused) r).reason()).as(missing).isEqualTo(LoginRefusal.MALFORMED);
        }
        Map<String, Object> unknown = claims("urn:example:loa:9", "2");
        assertThat(((LoginRefused) EidOidcClient.accept(unknown, AssuranceLevel.LEVEL_1, "t")).reason())
                .isEqualTo(LoginRefusal.MALFORMED);
    }

    @Test
    void push_withoutPkceOrNonceOrWithAnotherClientId_rejectedBeforeAnyRequest() {
        EidOidcClient client = EidOidcClient.builder().issuer(URI.create("http://127.0.0.1:9"))
                .clientId("bank").signingKey(SigningKey.generate())
                .redirectUri(URI.create("https://bank.example/cb")).build();
        Map<String, String> good = Map.of("response_type", "code", "client_id", "bank", "scope", "openid",
                "redirect_uri", "https://bank.example/cb", "state", "s", "nonce", "n",
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256");
        for (String drop : List.of("code_challenge", "nonce", "state")) {
            Map<String, String> p = new HashMap<>(good);
            p.remove(drop);
            assertThatThrownBy(() -> client.push(p, "purpose", EnumSet.of(CitizenField.NAME), AssuranceLevel.LEVEL_2))
                    .as(drop).isInstanceOf(IllegalArgumentException.class);
        }
        Map<String, String> plain = new HashMap<>(good);
        plain.put("code_challenge_method", "plain");
        assertThatThrownBy(() -> client.push(plain, "purpose", EnumSet.of(CitizenField.NAME), AssuranceLevel.LEVEL_2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S256");
        Map<String, String> other = new HashMap<>(good);
        other.put("client_id", "another");
        assertThatThrownBy(() -> client.push(other, "purpose", EnumSet.of(CitizenField.NAME), AssuranceLevel.LEVEL_2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client_id");
    }
}
