package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PurposeCatalogueTest {

    private final PurposeCatalogue catalogue = PurposeCatalogue.standard();

    @Test
    void standard_holdsThe25EssentialServicesAndThreeOthers() {
        assertThat(catalogue.size()).isEqualTo(28);
        assertThat(catalogue.all()).filteredOn(p -> p.kind() == Purpose.Kind.ESSENTIAL_PUBLIC_SERVICE).hasSize(25);
        assertThat(catalogue.all()).filteredOn(p -> p.kind() == Purpose.Kind.OTHER_SERVICE)
                .extracting(Purpose::code).containsExactly("bank-ekyc", "ewallet-link", "bhyt-checkin");
    }

    @Test
    void standard_namesTheServicesOfTheIssue() {
        assertThat(catalogue.all()).extracting(Purpose::code).contains("cmnd-confirmation", "id-card-exchange",
                "id-card-reissue", "permanent-residence", "temporary-residence", "absence-declaration",
                "stay-notification", "motorbike-registration", "traffic-fine", "birth-registration",
                "death-registration", "marriage-registration", "passport", "seal-registration",
                "birth-residence-bhyt", "death-residence-funeral", "bhyt-renewal", "tax-registration", "land-change",
                "driving-licence", "exam-registration", "criminal-record", "unemployment-benefit",
                "electricity-connection", "electricity-contract-change");
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
