package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.HealthInsuranceClaim;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrImageDecoder;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue → QR text → (image → decode) → verify round trips for generated citizens whose names use every Vietnamese
 * letter with a diacritic, typed in NFC or NFD: the verified assertion carries the NFC name and the same data.
 */
class ScannedRoundTripProperties {

    /** The 12 vowels (with their breve, circumflex and horn forms) under the 6 tones, and đ: 73 lower-case letters. */
    static final String VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩị"
            + "oòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
    private static final List<String> INITIALS = List.of("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k",
            "kh", "l", "m", "n", "ng", "ngh", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x");
    private static final List<String> FINALS = List.of("", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i",
            "o", "u", "y");
    private static final List<String> PROVINCES = List.of("001", "079", "048", "031", "092", "075");

    private static final KeyRing RING = KeyRing.generate();
    private static final AssertionIssuer ISSUER = AssertionFixtures.issuer(RING, AssertionFixtures.clock());
    private static final AssertionVerifier VERIFIER = AssertionVerifier.builder()
            .trustStore(TrustStore.fromJwks(RING.publicJwksJson())).clock(AssertionFixtures.clock())
            .expectedAudience("79024").expectedPurpose("bhyt-checkin").requiredLevel(AssuranceLevel.LEVEL_2)
            .withoutReplayGuard().build();
    private static final List<String> HOSPITAL = List.of("personal_number", "name", "birthdate", "gender",
            "health_insurance");

    /** A made-up citizen and how the name was typed. */
    record Citizen(CitizenProfile profile, String typedName, boolean viaProfile) {
        @Override
        public String toString() {
            return "Citizen[" + typedName + ", nfd=" + !Normalizer.isNormalized(typedName, Normalizer.Form.NFC)
                    + ", viaProfile=" + viaProfile + "]";
        }
    }

    @Provide
    Arbitrary<Citizen> citizens() {
        Arbitrary<String> syllable = Combinators.combine(Arbitraries.of(INITIALS),
                Arbitraries.of(VIETNAMESE_LETTERS.replace("đ", "").chars().mapToObj(c -> String.valueOf((char) c))
                        .toArray(String[]::new)),
                Arbitraries.of(FINALS), Arbitraries.of(true, false))
                .as((i, v, f, upper) -> capitalize(i + v + f, upper));
        Arbitrary<String> name = syllable.list().ofMinSize(2).ofMaxSize(5).map(l -> String.join(" ", l));
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 70 * 365)
                .map(d -> LocalDate.of(1940, 1, 1).plusDays(d));
        return Combinators.combine(name, birth, Arbitraries.of(Sex.values()), Arbitraries.of(PROVINCES),
                Arbitraries.integers().between(0, 999_999), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((n, b, sex, province, serial, nfd, viaProfile) -> {
                    int century = (b.getYear() >= 2000 ? 2 : 0) + (sex == Sex.FEMALE ? 1 : 0);
                    String number = province + century + String.format(Locale.ROOT, "%02d%06d", b.getYear() % 100,
                            serial);
                    String typed = nfd ? Normalizer.normalize(n, Normalizer.Form.NFD) : n;
                    CitizenProfile p = CitizenProfile.builder().personalNumber(PersonalNumber.of(number))
                            .fullName(typed).birthDate(b).sex(sex).build();
                    return new Citizen(p, typed, viaProfile);
                });
    }

    /** Capitalises the first letter (the uppercase of a decomposed vowel is its uppercase base plus the marks). */
    private static String capitalize(String syllable, boolean upper) {
        String s = upper ? syllable.toUpperCase(Locale.ROOT) : syllable;
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String issue(Citizen c) {
        HealthInsuranceClaim card = new HealthInsuranceClaim("HS4790120878811", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), 4, "79024");
        Map<String, Object> claims;
        if (c.viaProfile()) {
            claims = AssertionRequest.claimsFrom(c.profile(), card, HOSPITAL);
        } else {
            Map<String, Object> raw = new LinkedHashMap<>(AssertionRequest.claimsFrom(c.profile(), card, HOSPITAL));
            raw.put("name", c.typedName()); // as typed, possibly NFD
            claims = raw;
        }
        AssertionRequest request = AssertionRequest.builder().level(AssuranceLevel.LEVEL_2).methods("face")
                .claims(claims).audience("79024").purpose("bhyt-checkin").build();
        return SignedQrText.encode(ISSUER.issueForQr(request));
    }

    private static void assertSameCitizen(VerificationResult r, Citizen c) {
        assertThat(r).as("%s", c).isInstanceOf(Verified.class);
        Assertion a = ((Verified) r).assertion();
        String nfc = Normalizer.normalize(c.typedName(), Normalizer.Form.NFC);
        assertThat(a.name()).hasValue(nfc);
        assertThat(a.name().orElseThrow()).isEqualTo(c.profile().fullName().value());
        assertThat(a.personalNumber()).hasValue(c.profile().personalNumber().value());
        assertThat(a.birthdate()).hasValue(c.profile().birthDate());
        assertThat(a.gender()).hasValue(c.profile().sex().oidcValue());
        assertThat(a.level()).isEqualTo(AssuranceLevel.LEVEL_2);
    }

    @Property(tries = 300)
    void issueEncodeVerify_roundTrips(@ForAll("citizens") Citizen c) {
        assertSameCitizen(VERIFIER.verifyScanned(issue(c)), c);
    }

    @Property(tries = 40)
    void issueRenderDecodeVerify_roundTrips(@ForAll("citizens") Citizen c) {
        String text = issue(c);
        QrScanResult scan = QrImageDecoder.decode(QrRenderer.defaults().png(text));
        assertThat(scan).isEqualTo(new QrScanResult.Found(text));
        assertSameCitizen(VERIFIER.verifyScanned(((QrScanResult.Found) scan).text()), c);
    }

    @Test
    void everyVietnameseLetter_upperAndLower_nfcAndNfd_roundTripsThroughAnImage() {
        assertThat(VIETNAMESE_LETTERS.codePointCount(0, VIETNAMESE_LETTERS.length())).isEqualTo(73);
        List<String> words = new ArrayList<>();
        String all = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.toUpperCase(Locale.ROOT);
        for (int i = 0; i < all.length(); i += 10) {
            words.add(all.substring(i, Math.min(all.length(), i + 10)));
        }
        String name = String.join(" ", words);
        for (boolean nfd : new boolean[] {false, true}) {
            String typed = nfd ? Normalizer.normalize(name, Normalizer.Form.NFD) : name;
            CitizenProfile p = CitizenProfile.builder().personalNumber(PersonalNumber.of("079303012345"))
                    .fullName(typed).birthDate(LocalDate.of(2003, 5, 17)).sex(Sex.FEMALE).build();
            for (boolean viaProfile : new boolean[] {true, false}) {
                Citizen c = new Citizen(p, typed, viaProfile);
                String text = issue(c);
                QrScanResult scan = QrImageDecoder.decode(QrRenderer.defaults().png(text));
                assertSameCitizen(VERIFIER.verifyScanned(((QrScanResult.Found) scan).text()), c);
            }
        }
    }
}
