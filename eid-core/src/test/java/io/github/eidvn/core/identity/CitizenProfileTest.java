package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CitizenProfileTest {

    private static CitizenProfile.Builder minimal() {
        return CitizenProfile.builder()
                .personalNumber(PersonalNumber.of("079303012345"))
                .fullName("Trần Thị Ngọc Ánh")
                .birthDate(LocalDate.of(2003, 4, 5))
                .sex(Sex.FEMALE);
    }

    @Test
    void build_requiredOnly_optionalsEmpty() {
        CitizenProfile p = minimal().build();
        assertThat(p.personalNumber().value()).isEqualTo("079303012345");
        assertThat(p.fullName().value()).isEqualTo("Trần Thị Ngọc Ánh");
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(2003, 4, 5));
        assertThat(p.sex()).isEqualTo(Sex.FEMALE);
        assertThat(p.hometown()).isEmpty();
        assertThat(p.father()).isEmpty();
        assertThat(p.phoneNumber()).isEmpty();
        assertThat(p.cardIssueDate()).isEmpty();
    }

    @Test
    void build_allFields_readBack() {
        RelatedPerson father = RelatedPerson.of(PersonName.of("Trần Văn Bình"), PersonalNumber.of("079075000111"));
        RelatedPerson mother = RelatedPerson.of(PersonName.of("Lê Thị Cúc"));
        CitizenProfile p = minimal()
                .placeOfBirthRegistration("Quận 1, Thành phố Hồ Chí Minh")
                .hometown("Xã Hòa Phú, Huyện Hòa Vang, Đà Nẵng")
                .ethnicity("Kinh").religion("Không").nationality("Việt Nam")
                .maritalStatus(MaritalStatus.NOT_MARRIED)
                .permanentResidence("12  Lê Lợi,\tBến Nghé, Quận 1")
                .temporaryResidence("5 Hai Bà Trưng, Hà Nội")
                .currentResidence("12 Lê Lợi, Bến Nghé, Quận 1")
                .bloodType(BloodType.O)
                .father(father).mother(mother)
                .spouse(RelatedPerson.of(PersonName.of("Phạm Minh Quân")))
                .legalRepresentative(father)
                .householdHead(father).relationshipToHouseholdHead("Con")
                .phoneNumber("0912 345 678").email("anh.tran@example.vn")
                .cardIssueDate(LocalDate.of(2021, 7, 1))
                .build();
        assertThat(p.permanentResidence()).contains("12 Lê Lợi, Bến Nghé, Quận 1");
        assertThat(p.phoneNumber()).contains("0912345678");
        assertThat(p.father()).contains(father);
        assertThat(p.mother().flatMap(RelatedPerson::number)).isEmpty();
        assertThat(p.bloodType()).contains(BloodType.O);
        assertThat(p.maritalStatus()).contains(MaritalStatus.NOT_MARRIED);
        assertThat(p.cardIssueDate()).contains(LocalDate.of(2021, 7, 1));
        assertThat(p.householdHead().flatMap(RelatedPerson::number)).contains(PersonalNumber.of("079075000111"));
        assertThat(p).isEqualTo(p).hasSameHashCodeAs(p);
    }

    @Test
    void toString_masksNumberAndHidesPersonalData() {
        CitizenProfile p = minimal().hometown("Đà Nẵng").email("anh.tran@example.vn").build();
        assertThat(p.toString())
                .contains("079******345")
                .contains("hometown").contains("email")
                .doesNotContain("079303012345").doesNotContain("Trần").doesNotContain("Ánh")
                .doesNotContain("2003").doesNotContain("Đà Nẵng").doesNotContain("example.vn");
    }

    @Test
    void build_missingRequired_throwsIllegalState() {
        assertThatThrownBy(() -> CitizenProfile.builder().fullName("A").birthDate(LocalDate.of(2000, 1, 1))
                .sex(Sex.MALE).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("personalNumber");
        assertThatThrownBy(() -> CitizenProfile.builder().personalNumber(PersonalNumber.of("079303012345"))
                .birthDate(LocalDate.of(2000, 1, 1)).sex(Sex.MALE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fullName");
    }

    @Test
    void builder_settingTwice_throwsIllegalState() {
        assertThatThrownBy(() -> minimal().sex(Sex.MALE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> minimal().hometown("A").hometown("B")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builder_badValues_throw() {
        assertThatThrownBy(() -> minimal().hometown(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minimal().phoneNumber("09x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minimal().email("nobody")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minimal().hometown(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> minimal().cardIssueDate(LocalDate.of(2000, 1, 1)).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toString_listsExactlyTheOptionalFieldsPresent_inDeclarationOrder() {
        assertThat(minimal().build().toString()).isEqualTo("CitizenProfile[number=079******345, present=[]]");
        assertThat(minimal().cardIssueDate(LocalDate.of(2021, 5, 1)).bloodType(BloodType.O)
                .placeOfBirthRegistration("Huế").build().toString())
                .isEqualTo("CitizenProfile[number=079******345, present=[placeOfBirthRegistration, bloodType,"
                        + " cardIssueDate]]");
    }

    @Test
    void equality_firstAndLastFieldsAndHashCode() {
        CitizenProfile issued = minimal().cardIssueDate(LocalDate.of(2021, 5, 1)).build();
        assertThat(issued).isEqualTo(minimal().cardIssueDate(LocalDate.of(2021, 5, 1)).build())
                .hasSameHashCodeAs(minimal().cardIssueDate(LocalDate.of(2021, 5, 1)).build())
                .isNotEqualTo(minimal().cardIssueDate(LocalDate.of(2021, 5, 2)).build())
                .isNotEqualTo(null).isNotEqualTo("a profile");
        assertThat(CitizenProfile.builder().personalNumber(PersonalNumber.of("079303012346"))
                .fullName("Trần Thị Ngọc Ánh").birthDate(LocalDate.of(2003, 4, 5)).sex(Sex.FEMALE).build()).isNotEqualTo(minimal().build());
    }

    @Test
    void equality_coversOptionalFields() {
        assertThat(minimal().build()).isEqualTo(minimal().build());
        assertThat(minimal().hometown("A").build()).isNotEqualTo(minimal().build());
    }

    @Test
    void sexAndBloodType_parse() {
        assertThat(Sex.parse("Female")).contains(Sex.FEMALE);
        assertThat(Sex.parse("Nữ")).contains(Sex.FEMALE);
        assertThat(Sex.parse(" nam ")).contains(Sex.MALE);
        assertThat(Sex.parse("x")).isEmpty();
        assertThat(Sex.parse(null)).isEmpty();
        assertThat(BloodType.parse("ab")).contains(BloodType.AB);
        assertThat(BloodType.parse("C")).isEmpty();
    }
}
