package io.github.eidvn.core.assurance;

import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.RelatedPerson;
import io.github.eidvn.core.identity.Sex;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** A small population and a fixed clock (2026-06-01 noon in Vietnam) for proofing tests. */
final class ProofingFixtures {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(LocalTime.NOON).atZone(VN).toInstant(), VN);

    /** Adult, card issued at 18 (valid until 25, i.e. 2028). */
    static final CitizenProfile ANH = CitizenProfile.builder()
            .personalNumber(PersonalNumber.of("079303012345")).fullName("Trần Thị Ngọc Ánh")
            .birthDate(LocalDate.of(2003, 4, 5)).sex(Sex.FEMALE).cardIssueDate(LocalDate.of(2021, 7, 1)).build();

    /** Adult whose card expired on the 25th birthday in 2015. */
    static final CitizenProfile EXPIRED = CitizenProfile.builder()
            .personalNumber(PersonalNumber.of("001090000111")).fullName("Phạm Văn Hùng")
            .birthDate(LocalDate.of(1990, 3, 15)).sex(Sex.MALE).cardIssueDate(LocalDate.of(2010, 1, 1)).build();

    /** Adult with no card recorded. */
    static final CitizenProfile NO_CARD = CitizenProfile.builder()
            .personalNumber(PersonalNumber.of("001085000222")).fullName("Hoàng Văn Nam")
            .birthDate(LocalDate.of(1985, 1, 1)).sex(Sex.MALE).build();

    static final CitizenProfile FATHER = CitizenProfile.builder()
            .personalNumber(PersonalNumber.of("001080000333")).fullName("Nguyễn Văn Đức")
            .birthDate(LocalDate.of(1980, 2, 2)).sex(Sex.MALE).cardIssueDate(LocalDate.of(2020, 1, 1)).build();

    static final CitizenProfile MOTHER = CitizenProfile.builder()
            .personalNumber(PersonalNumber.of("001182000444")).fullName("Lê Thị Hoa")
            .birthDate(LocalDate.of(1982, 3, 3)).sex(Sex.FEMALE).cardIssueDate(LocalDate.of(2022, 1, 1)).build();

    /** 16 years old: a minor, recorded as legal representative of {@link #BABY} to test the guardian age rule. */
    static final CitizenProfile TEEN = CitizenProfile.builder()
            .personalNumber(PersonalNumber.of("001210000777")).fullName("Nguyễn Văn Tài")
            .birthDate(LocalDate.of(2010, 1, 1)).sex(Sex.MALE).cardIssueDate(LocalDate.of(2024, 1, 1)).build();

    /** Aged 10, card issued at 8 (valid until 14). */
    static final CitizenProfile CHILD = CitizenProfile.builder()
            .personalNumber(PersonalNumber.of("001216000555")).fullName("Nguyễn Minh Khang")
            .birthDate(LocalDate.of(2016, 5, 5)).sex(Sex.MALE).cardIssueDate(LocalDate.of(2024, 7, 1))
            .father(related(FATHER)).mother(related(MOTHER)).build();

    /** Aged 3, card issued at 1. */
    static final CitizenProfile BABY = CitizenProfile.builder()
            .personalNumber(PersonalNumber.of("001322000666")).fullName("Nguyễn Bảo Ngọc")
            .birthDate(LocalDate.of(2022, 9, 9)).sex(Sex.FEMALE).cardIssueDate(LocalDate.of(2024, 8, 1))
            .father(related(FATHER)).mother(related(MOTHER)).legalRepresentative(related(TEEN)).build();

    static final InMemoryPopulationRegistry REGISTRY =
            InMemoryPopulationRegistry.of(ANH, EXPIRED, NO_CARD, FATHER, MOTHER, TEEN, CHILD, BABY);

    private ProofingFixtures() {
    }

    private static RelatedPerson related(CitizenProfile p) {
        return RelatedPerson.of(p.fullName(), p.personalNumber());
    }

    /** A request declaring exactly the registry data of {@code p}. */
    static ProofingRequest.Builder declaring(CitizenProfile p) {
        return ProofingRequest.builder()
                .personalNumber(p.personalNumber().value())
                .fullName(p.fullName().value())
                .birthDate(p.birthDate())
                .sex(p.sex());
    }

    static ChipEvidence.Builder chipOf(CitizenProfile p) {
        return ChipEvidence.builder().personalNumber(p.personalNumber()).fullName(p.fullName())
                .verifiedAt(CLOCK.instant().minusSeconds(30));
    }

    static PersonName name(String s) {
        return PersonName.of(s);
    }
}
