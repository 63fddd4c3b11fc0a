package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.Vectors;

class PurposeCatalogueTest {

    private final PurposeCatalogue catalogue = PurposeCatalogue.standard();

    /** Reads {@code services.csv} (Đề án 06, Phụ lục 1, as quoted by the HCMC police, 2022): number → title. */
    private static Map<Integer, String> phuLuc1() throws IOException {
        Map<Integer, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Vectors.path("de-an-06-services", "services.csv"),
                StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("number,title_vi");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            String title = line.substring(comma + 1);
            if (title.startsWith("\"")) { // RFC 4180 quoting; the titles hold no quote characters
                assertThat(title).endsWith("\"");
                title = title.substring(1, title.length() - 1);
            }
            out.put(Integer.parseInt(line.substring(0, comma)), title);
        }
        return out;
    }

    @Test
    void standard_matchesPhuLuc1OfDeAn06_servicesCsv_onePurposePerItem_numberAndVerbatimTitle() throws IOException {
        Map<Integer, String> official = phuLuc1();
        assertThat(official).hasSize(25);
        List<Purpose> essential = catalogue.all().stream()
                .filter(p -> p.kind() == Purpose.Kind.ESSENTIAL_PUBLIC_SERVICE).toList();
        assertThat(essential).hasSize(25);
        Map<Integer, String> ours = new LinkedHashMap<>();
        for (Purpose p : essential) {
            assertThat(p.number()).as(p.code()).isPresent();
            assertThat(ours.put(p.number().getAsInt(), p.nameVi())).as("number used twice").isNull();
        }
        assertThat(ours).containsExactlyEntriesOf(official);
    }

    @Test
    void standard_item2IsOneService_items13And14AreTwo_servicesCsv() {
        assertThat(catalogue.find("id-card-reissue-exchange").orElseThrow().number()).hasValue(2);
        assertThat(catalogue.find("id-card-exchange")).isEmpty();
        assertThat(catalogue.find("id-card-reissue")).isEmpty();
        assertThat(catalogue.find("seal-registration")).isEmpty();
        assertThat(catalogue.find("new-seal").orElseThrow().number()).hasValue(13);
        assertThat(catalogue.find("special-seal").orElseThrow().number()).hasValue(14);
    }

    @Test
    void standard_otherPurposes_haveNoNumber() {
        assertThat(catalogue.size()).isEqualTo(28);
        assertThat(catalogue.all()).filteredOn(p -> p.kind() == Purpose.Kind.OTHER_SERVICE)
                .extracting(Purpose::code).containsExactly("bank-ekyc", "ewallet-link", "bhyt-checkin");
        assertThat(catalogue.all()).filteredOn(p -> p.kind() == Purpose.Kind.OTHER_SERVICE)
                .allMatch(p -> p.number().isEmpty());
    }

    @Test
    void item1_cmndConfirmation_mayAskForTheOldIdNumber() {
        Purpose p = catalogue.find("cmnd-confirmation").orElseThrow();
        assertThat(p.number()).hasValue(1);
        assertThat(p.fields()).contains(CitizenField.OLD_ID_NUMBER);
        assertThat(CitizenField.fromClaimName("old_id_number")).contains(CitizenField.OLD_ID_NUMBER);
        assertThat(io.github.eidvn.core.sharing.SharedClaims.of(Map.of("old_id_number", "025123456"))
                .oldIdNumber()).hasValue("025123456");
        assertThat(io.github.eidvn.core.sharing.SharedClaims.of(Map.of("old_id_number", "079123456789"))
                .fields()).containsExactly(CitizenField.OLD_ID_NUMBER);
        for (String bad : new String[] {"12345678", "1234567890", "02512345A", "０２５１２３４５６"}) {
            assertThatThrownBy(() -> io.github.eidvn.core.sharing.SharedClaims.of(Map.of("old_id_number", bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void essentialService_numberOutside1To25_rejected() {
        assertThatThrownBy(() -> Purpose.essentialService(0, "x", "a", "b", List.of(CitizenField.NAME)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Purpose.essentialService(26, "x", "a", "b", List.of(CitizenField.NAME)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Purpose.of("x", "a", "b", Purpose.Kind.OTHER_SERVICE, List.of(CitizenField.NAME)).number())
                .isEmpty();
    }

    @Test
    void everyPurpose_hasBilingualNamesAndFields() {
        for (Purpose p : catalogue.all()) {
            assertThat(p.nameVi()).isNotBlank();
            assertThat(p.nameEn()).isNotBlank().isNotEqualTo(p.nameVi());
            assertThat(p.fields()).contains(CitizenField.PERSONAL_NUMBER, CitizenField.NAME);
        }
    }

    @Test
    void bhytCheckin_isTheHospitalAssertionPurposeAndMayAskForTheCard() {
        Purpose p = catalogue.find("bhyt-checkin").orElseThrow();
        assertThat(p.fields()).contains(CitizenField.HEALTH_INSURANCE);
        assertThat(p.nameVi()).contains("bảo hiểm y tế");
    }

    @Test
    void permanentResidence_doesNotAskForWhatTheRegistryDoesNotHoldForTheForm() {
        Set<CitizenField> f = catalogue.find("permanent-residence").orElseThrow().fields();
        assertThat(f).contains(CitizenField.HOUSEHOLD_HEAD, CitizenField.PERMANENT_RESIDENCE)
                .doesNotContain(CitizenField.PHONE_NUMBER, CitizenField.EMAIL, CitizenField.HEALTH_INSURANCE);
    }

    @Test
    void find_unknownOrNull_isEmpty() {
        assertThat(catalogue.find("free text purpose")).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
    }

    @Test
    void builder_duplicateCode_rejected() {
        Purpose p = Purpose.of("x-service", "Dịch vụ X", "Service X", Purpose.Kind.OTHER_SERVICE,
                List.of(CitizenField.NAME));
        assertThatThrownBy(() -> PurposeCatalogue.builder().add(p).add(p))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PurposeCatalogue.builder().addAll(catalogue).add(p).build().size()).isEqualTo(29);
    }

    @Test
    void purposeOf_malformedCodeOrNoFields_rejected() {
        assertThatThrownBy(() -> Purpose.of("Bank KYC", "a", "b", Purpose.Kind.OTHER_SERVICE,
                List.of(CitizenField.NAME))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Purpose.of("bank", "a", "b", Purpose.Kind.OTHER_SERVICE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void citizenField_claimNamesAreOidcWhereTheyExist() {
        assertThat(CitizenField.parseList("name, birthdate,gender,address,phone_number,email"))
                .containsExactly(CitizenField.NAME, CitizenField.BIRTHDATE, CitizenField.GENDER,
                        CitizenField.ADDRESS, CitizenField.PHONE_NUMBER, CitizenField.EMAIL);
        assertThatThrownBy(() -> CitizenField.parseList("name,name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CitizenField.parseList("salary")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CitizenField.parseList("")).isInstanceOf(IllegalArgumentException.class);
    }
}
