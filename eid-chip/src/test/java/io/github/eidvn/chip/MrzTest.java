package io.github.eidvn.chip;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.chip.testing.CccdChips;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.testing.Vectors;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MrzTest {

    static List<JsonNode> td1Samples() throws IOException {
        JsonNode all = new ObjectMapper().readTree(Vectors.path("icao9303-mrz-td1", "td1-samples.json").toFile());
        List<JsonNode> out = new ArrayList<>();
        all.forEach(out::add);
        return out;
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("td1Samples")
    void parse_td1Vectors_fieldsAndCheckDigitsAsExpected(JsonNode sample) {
        JsonNode lines = sample.get("lines");
        JsonNode expected = sample.get("expected");
        MrzResult result = Mrz.parse(lines.get(0).asText(), lines.get(1).asText(), lines.get(2).asText());

        assertThat(result.isValid()).as(sample.get("id").asText()).isEqualTo(expected.get("all_checks_ok").asBoolean());
        Mrz mrz = result instanceof MrzResult.Valid v ? v.mrz() : ((MrzResult.Invalid) result).fields().orElseThrow();
        assertThat(mrz.documentNumber()).isEqualTo(expected.get("document_number").asText());
        assertThat(mrz.documentCode()).isEqualTo(expected.get("document_code").asText());
        assertThat(mrz.issuingState()).isEqualTo(expected.get("issuing_state").asText());
        assertThat(mrz.optionalData1()).isEqualTo(expected.get("optional_data_1").asText());
        assertThat(mrz.birthDateText()).isEqualTo(expected.get("date_of_birth").asText());
        assertThat(String.valueOf(mrz.sexCode())).isEqualTo(expected.get("sex").asText());
        assertThat(mrz.expiryDateText()).isEqualTo(expected.get("date_of_expiry").asText());
        assertThat(mrz.nationality()).isEqualTo(expected.get("nationality").asText());
        assertThat(mrz.optionalData2()).isEqualTo(expected.get("optional_data_2").asText());
        assertThat(mrz.primaryIdentifier()).isEqualTo(expected.get("primary_identifier").asText());
        assertThat(mrz.secondaryIdentifier()).isEqualTo(expected.get("secondary_identifier").asText());
        assertThat(mrz.checks().get(Mrz.Check.DOCUMENT_NUMBER))
                .isEqualTo(expected.get("document_number_check_ok").asBoolean());
        assertThat(mrz.checks().get(Mrz.Check.BIRTH_DATE)).isEqualTo(expected.get("dob_check_ok").asBoolean());
        assertThat(mrz.checks().get(Mrz.Check.EXPIRY_DATE)).isEqualTo(expected.get("expiry_check_ok").asBoolean());
        assertThat(mrz.checks().get(Mrz.Check.COMPOSITE)).isEqualTo(expected.get("composite_check_ok").asBoolean());
        if (expected.has("vn_position30_is_check_of_12_digit_id")) {
            assertThat(mrz.checks().get(Mrz.Check.PERSONAL_NUMBER)).isTrue();
            assertThat(mrz.personalNumber()).contains(mrz.optionalData1().substring(0, 12));
        }
    }

    @Test
    void parse_tamperedBirthDate_invalidWithCheckDigitReason() {
        MrzResult r = Mrz.parse("I<UTOD231458907<<<<<<<<<<<<<<<\n7408152F1204159UTO<<<<<<<<<<<6\n"
                + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
        assertThat(r).isInstanceOfSatisfying(MrzResult.Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(MrzResult.Reason.CHECK_DIGIT));
    }

    @Test
    void parse_vietnameseCard_personalNumberCanAndDates() {
        MrzResult r = Mrz.parse(CccdChips.MRZ);
        Mrz mrz = ((MrzResult.Valid) r).mrz();
        assertThat(mrz.personalNumber()).contains(CccdChips.NUMBER);
        assertThat(mrz.documentNumber()).isEqualTo(CccdChips.NUMBER.substring(3));
        assertThat(mrz.can()).contains(CccdChips.NUMBER.substring(6));
        assertThat(mrz.isOf(PersonalNumber.of(CccdChips.NUMBER))).isTrue();
        assertThat(mrz.birthDate()).contains(LocalDate.of(1990, 1, 1));
        assertThat(mrz.expiryDate()).contains(LocalDate.of(2030, 1, 1));
        assertThat(mrz.sex()).contains(Sex.MALE);
        assertThat(mrz.format()).isEqualTo(Mrz.Format.TD1);
        assertThat(mrz.toString()).doesNotContain(CccdChips.NUMBER.substring(3));
    }

    @Test
    void parse_vietnameseDocumentNumberNotEndOfPersonalNumber_refused() {
        // document number 090000002 (check digit 3 recomputed) with personal number ...0001
        String line1 = "IDVNM090000002" + Mrz.checkDigit("090000002") + "001090000001<<"
                + Mrz.checkDigit("001090000001");
        String line2 = "9001011M3001019VNM<<<<<<<<<<<";
        line2 += Mrz.checkDigit(line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29));
        MrzResult r = Mrz.parse(line1, line2, "SPECIMEN<<VAN<MAU<<<<<<<<<<<<<");
        assertThat(r).isInstanceOfSatisfying(MrzResult.Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(MrzResult.Reason.PERSONAL_NUMBER_MISMATCH));
    }

    @Test
    void parse_wrongShapes_malformed() {
        for (String bad : new String[] {"", "ABC", "i<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\n"
                + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<", "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122X1204159UTO<<<<<<<<<<<6\n"
                + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<", "x".repeat(500)}) {
            assertThat(Mrz.parse(bad)).isInstanceOfSatisfying(MrzResult.Invalid.class,
                    i -> assertThat(i.reason()).isEqualTo(MrzResult.Reason.MALFORMED));
        }
    }

    @Test
    void bacKeys_bsiSpecimenTd3_mrzInformationAndSeedFromVector() throws Exception {
        JsonNode bac = new ObjectMapper().readTree(Vectors.path("icao9303-chip", "bac-worked-example.json").toFile());
        MrzResult r = Lds.dg1(java.nio.file.Files.readAllBytes(Vectors.path("icao9303-chip", "bsi2008", "DG1.bin")));
        Mrz mrz = ((MrzResult.Valid) r).mrz();
        assertThat(mrz.format()).isEqualTo(Mrz.Format.TD3);
        assertThat(mrz.mrzInformation()).isEqualTo(bac.get("bsi2008_sample_mrz_information").asText());
        assertThat(HexFormat.of().withUpperCase().formatHex(mrz.bacKeys().seed()))
                .isEqualTo(bac.get("bsi2008_sample_k_seed").asText());
        assertThat(mrz.primaryIdentifier()).isEqualTo("MUSTERMANN");
        assertThat(mrz.secondaryIdentifier()).isEqualTo("ERIKA");
    }
}
