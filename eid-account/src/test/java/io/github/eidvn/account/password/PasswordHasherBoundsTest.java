package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * The bounds a stored PHC string must stay within before any Argon2 work is spent on it (a hostile or corrupted
 * row must not make verification slow or crash), each checked one step inside and one step outside.
 */
class PasswordHasherBoundsTest {

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    /** m = 8 KiB, t = 1, p = 1; accepts stored strings up to m = 64, t = 2, p = 2. */
    private final PasswordHasher hasher = PasswordHasher.builder().memoryKiB(8).iterations(1).maxMemoryKiB(64)
            .maxIterations(2).maxParallelism(2).build();

    private static String phc(String params, int saltBytes, int hashBytes) {
        return "$argon2id$v=19$" + params + "$" + B64.encodeToString(new byte[saltBytes]) + "$"
                + B64.encodeToString(new byte[hashBytes]);
    }

    private PasswordVerification.Reason unusable(String phc) {
        PasswordVerification v = hasher.verify("mật khẩu", phc);
        assertThat(v).as(phc).isInstanceOf(PasswordVerification.Unusable.class);
        return ((PasswordVerification.Unusable) v).reason();
    }

    private void usableButWrong(String phc) {
        assertThat(hasher.verify("mật khẩu", phc)).as(phc).isInstanceOf(PasswordVerification.Mismatch.class);
    }

    @Test
    void memoryIterationsParallelism_atTheBounds_usable_pastThem_outOfBounds() {
        usableButWrong(phc("m=64,t=2,p=2", 16, 32));
        usableButWrong(phc("m=16,t=1,p=2", 16, 32));
        usableButWrong(phc("m=8,t=1,p=1", 16, 32));
        assertThat(unusable(phc("m=65,t=1,p=1", 16, 32))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        assertThat(unusable(phc("m=16,t=3,p=1", 16, 32))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        assertThat(unusable(phc("m=32,t=1,p=3", 16, 32))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        assertThat(unusable(phc("m=15,t=1,p=2", 16, 32))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        assertThat(unusable(phc("m=8,t=0,p=1", 16, 32))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        assertThat(unusable(phc("m=8,t=1,p=0", 16, 32))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
    }

    @Test
    void saltAndHashLengths_atTheBounds_usable_pastThem_outOfBounds() {
        usableButWrong(phc("m=8,t=1,p=1", 8, 16));
        usableButWrong(phc("m=8,t=1,p=1", 64, 64));
        assertThat(unusable(phc("m=8,t=1,p=1", 7, 32))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        assertThat(unusable(phc("m=8,t=1,p=1", 65, 32))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        assertThat(unusable(phc("m=8,t=1,p=1", 16, 15))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        assertThat(unusable(phc("m=8,t=1,p=1", 16, 65))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
    }

    @Test
    void numbers_digitsOnly_noLeadingZero_atMostTenDigits() {
        for (String params : new String[] {"m=08,t=1,p=1", "m=,t=1,p=1", "m=8,t=1/,p=1", "m=8,t=:,p=1",
            "m=12345678901,t=1,p=1", "m=8,t=1", "m=8,t=1,p=1,x=1", "t=1,m=8,p=1", "m=8,x=1,p=1", "m=8,t=1,x=1"}) {
            assertThat(unusable(phc(params, 16, 32))).as(params).isEqualTo(PasswordVerification.Reason.MALFORMED);
        }
        assertThat(unusable(phc("m=9999999999,t=1,p=1", 16, 32)))
                .isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        assertThat(unusable(phc("m=0,t=1,p=1", 16, 32))).isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        usableButWrong(phc("m=9,t=1,p=1", 16, 32));
    }

    @Test
    void base64Fields_standardAlphabetWithoutPadding() {
        String good = phc("m=8,t=1,p=1", 16, 32);
        String[] p = good.split("\\$", -1);
        String prefix = "$" + p[1] + "$" + p[2] + "$" + p[3] + "$";
        for (String salt : new String[] {"", "AAAAAAAAAAAAAAAAAAAAAA==", "AAAAAAAAAAAAAAAAAAAA-_", "AAAAAAAAAAAAAAAAAAAA@A",
            "AAAAAAAAAAAAAAAAAAAA[A", "AAAAAAAAAAAAAAAAAAAA`A", "AAAAAAAAAAAAAAAAAAAA{A", "AAAAAAAAAAAAAAAAAAAA:A",
            "AAAAAAAAAAAAAAAAAAAAA"}) {
            assertThat(unusable(prefix + salt + "$" + p[5])).as(salt).isEqualTo(PasswordVerification.Reason.MALFORMED);
        }
        usableButWrong(prefix + "azAZ09+/azAZ09+/azAZ09" + "$" + p[5]);
    }

    @Test
    void structure_sixPartsArgon2idVersion19_atMost512Characters() {
        assertThat(unusable(null)).isEqualTo(PasswordVerification.Reason.MALFORMED);
        assertThat(unusable("")).isEqualTo(PasswordVerification.Reason.MALFORMED);
        assertThat(unusable("x" + phc("m=8,t=1,p=1", 16, 32))).isEqualTo(PasswordVerification.Reason.MALFORMED);
        assertThat(unusable(phc("m=8,t=1,p=1", 16, 32) + "$")).isEqualTo(PasswordVerification.Reason.MALFORMED);
        assertThat(unusable(phc("m=8,t=1,p=1", 16, 32).replace("argon2id", "argon2i")))
                .isEqualTo(PasswordVerification.Reason.UNSUPPORTED);
        assertThat(unusable(phc("m=8,t=1,p=1", 16, 32).replace("v=19", "v=16")))
                .isEqualTo(PasswordVerification.Reason.UNSUPPORTED);
        String prefix = "$argon2id$v=19$m=8,t=1,p=1$";
        String hash = "$" + "A".repeat(22);
        String at512 = prefix + "A".repeat(512 - prefix.length() - hash.length()) + hash;
        assertThat(at512).hasSize(512);
        assertThat(unusable(at512)).as("long salt, judged on its bounds")
                .isEqualTo(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS);
        String at513 = prefix + "A".repeat(513 - prefix.length() - hash.length()) + hash;
        assertThat(unusable(at513)).as("too long to parse").isEqualTo(PasswordVerification.Reason.MALFORMED);
        assertThat(unusable("$".repeat(513))).isEqualTo(PasswordVerification.Reason.MALFORMED);
    }

    @Test
    void passwordOfMaxLength_hashable_longerRefused_andNeverMatches() {
        String max = "a".repeat(PasswordHasher.MAX_PASSWORD_CHARS);
        String stored = hasher.hash(max);
        assertThat(hasher.verify(max, stored).matches()).isTrue();
        assertThatThrownBy(() -> hasher.hash(max + "a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.verify(max + "a", stored)).isInstanceOf(PasswordVerification.Mismatch.class);
    }

    @Test
    void rehash_whenParametersSaltOrHashLengthDiffer() {
        PasswordHasher stronger = PasswordHasher.builder().memoryKiB(16).iterations(1).maxMemoryKiB(64).build();
        String old = hasher.hash("mật khẩu");
        assertThat(((PasswordVerification.Match) stronger.verify("mật khẩu", old)).needsRehash()).isTrue();
        assertThat(((PasswordVerification.Match) hasher.verify("mật khẩu", old)).needsRehash()).isFalse();
        PasswordHasher longerSalt = PasswordHasher.builder().memoryKiB(8).iterations(1).saltLength(32)
                .maxMemoryKiB(64).build();
        assertThat(((PasswordVerification.Match) longerSalt.verify("mật khẩu", old)).needsRehash()).isTrue();
        PasswordHasher longerHash = PasswordHasher.builder().memoryKiB(8).iterations(1).hashLength(64)
                .maxMemoryKiB(64).build();
        assertThat(((PasswordVerification.Match) longerHash.verify("mật khẩu", old)).needsRehash()).isTrue();
        PasswordHasher moreIterations = PasswordHasher.builder().memoryKiB(8).iterations(2).maxMemoryKiB(64).build();
        assertThat(((PasswordVerification.Match) moreIterations.verify("mật khẩu", old)).needsRehash()).isTrue();
        PasswordHasher twoLanes = PasswordHasher.builder().memoryKiB(16).iterations(1).parallelism(2)
                .maxMemoryKiB(64).build();
        assertThat(((PasswordVerification.Match) twoLanes.verify("mật khẩu", old)).needsRehash()).isTrue();
    }

    @Test
    void builder_parametersMustFitTheirOwnBounds() {
        assertThatThrownBy(() -> PasswordHasher.builder().memoryKiB(15).parallelism(2).build())
                .isInstanceOf(IllegalStateException.class);
        assertThat(PasswordHasher.builder().memoryKiB(16).parallelism(2).iterations(1).build().parallelism())
                .isEqualTo(2);
        assertThatThrownBy(() -> PasswordHasher.builder().memoryKiB(65).maxMemoryKiB(64).build())
                .isInstanceOf(IllegalStateException.class);
        assertThat(PasswordHasher.builder().memoryKiB(64).maxMemoryKiB(64).iterations(1).build().memoryKiB())
                .isEqualTo(64);
        assertThatThrownBy(() -> PasswordHasher.builder().memoryKiB(8).iterations(3).maxIterations(2).build())
                .isInstanceOf(IllegalStateException.class);
        assertThat(PasswordHasher.builder().memoryKiB(8).iterations(2).maxIterations(2).build().iterations())
                .isEqualTo(2);
        assertThatThrownBy(() -> PasswordHasher.builder().memoryKiB(64).parallelism(3).maxParallelism(2).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordHasher.builder().iterations(1).iterations(1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordHasher.builder().maxMemoryKiB(64).maxMemoryKiB(64))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordHasher.builder().maxIterations(2).maxIterations(2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordHasher.builder().maxParallelism(2).maxParallelism(2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordHasher.builder().hashLength(32).hashLength(32))
                .isInstanceOf(IllegalStateException.class);
        assertThat(hasher.toString()).isEqualTo("PasswordHasher[argon2id m=8,t=1,p=1]");
    }
}
