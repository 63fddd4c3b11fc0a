package io.github.eidvn.chip;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.chip.internal.Tlv;
import io.github.eidvn.chip.testing.CccdChips;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer targets for the chip parsers: EF.SOD through the whole verifier ({@link #sod(byte[])}), and the DG1, DG2,
 * DG13, DG14 (chip authentication keys) and DG15 parsers and the MRZ reader on their own ({@link #dataGroups(byte[])}), since fuzzed data groups never
 * pass the hash check that guards them inside the verifier. Seeds: the BSI specimen's EF.SOD, DG1, DG2 and DG14 and a
 * synthetic CCCD EF.SOD and DG13. A crash is any exception other than the documented refusals, or a fuzzed SOD that
 * verifies.
 */
class ChipParsersFuzzTest {

    private static final Map<Integer, byte[]> GROUPS = CccdChips.groups(null);
    private static final ChipVerifier VERIFIER = ChipVerifier.builder()
            .trustList(TrustList.builder().certificate(CccdChips.pki().csca()).build())
            .clock(Clock.fixed(CccdChips.NOW, ZoneOffset.UTC)).build();

    @FuzzTest(maxDuration = "5m")
    void sod(byte[] input) {
        if (input.length == 0 || input.length > ChipFiles.MAX_SOD_BYTES) {
            return;
        }
        ChipVerification v = VERIFIER.verify(CccdChips.files(GROUPS, input));
        assertThat(v).isNotNull();
        if (v instanceof ChipVerification.ChipRejected r) {
            assertThat(r.reason()).isNotNull();
            assertThat(r.detail()).isNotNull();
        } else {
            // only the document signer of the test PKI can produce a verifying SOD: the fuzzer cannot
            assertThat(v.dataGroups()).containsValue(ChipVerification.DataGroupStatus.VALID);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void dataGroups(byte[] input) {
        for (int n : new int[] {1, 2, 13, 15}) {
            try {
                switch (n) {
                    case 1 -> assertThat(Lds.dg1(input)).isNotNull();
                    case 2 -> assertThat(Lds.dg2(input).size()).isPositive();
                    case 13 -> assertThat(Lds.dg13(input, Clock.fixed(CccdChips.NOW, ZoneOffset.UTC))).isNotNull();
                    default -> assertThat(Lds.dg15(input)).isNotEmpty();
                }
            } catch (Tlv.MalformedException expected) {
                // a refusal, as documented
            }
        }
        if (input.length <= ChipFiles.MAX_DATA_GROUP_BYTES) {
            try {
                assertThat(ChipAuthenticationKey.fromDg14(input)).doesNotContainNull();
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).contains("DG14"); // a refusal, as documented
            }
        }
        String text = new String(input, StandardCharsets.ISO_8859_1);
        MrzResult r = Mrz.parse(text);
        if (r instanceof MrzResult.Valid valid) {
            assertThat(valid.mrz().allChecksPass()).isTrue();
            assertThat(valid.mrz().mrzInformation().length()).isGreaterThanOrEqualTo(24);
        }
    }
}
