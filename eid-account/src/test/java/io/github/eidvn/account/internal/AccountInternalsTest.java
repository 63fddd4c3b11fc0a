package io.github.eidvn.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The account helpers every flow relies on: identifier checks at their exact character and length limits, random
 * codes that really vary, HMAC inputs that cannot be re-split, and the binary record reader's bounds.
 */
class AccountInternalsTest {

    private static final byte[] KEY = new byte[32];

    @Test
    void isPersonalNumber_exactlyTwelveAsciiDigits() {
        assertThat(Checks.isPersonalNumber("001099012345")).isTrue();
        assertThat(Checks.isPersonalNumber("999999999999")).isTrue();
        assertThat(Checks.isPersonalNumber("00109901234/")).isFalse();
        assertThat(Checks.isPersonalNumber("00109901234:")).isFalse();
        assertThat(Checks.isPersonalNumber("/01099012345")).isFalse();
        assertThat(Checks.isPersonalNumber("00109901234")).isFalse();
        assertThat(Checks.isPersonalNumber(null)).isFalse();
    }

    @Test
    void isDeviceId_oneTo128OfTheAllowedCharacters() {
        assertThat(Checks.isDeviceId("AZaz09._:-")).isTrue();
        assertThat(Checks.isDeviceId("d".repeat(128))).isTrue();
        assertThat(Checks.isDeviceId("d".repeat(129))).isFalse();
        assertThat(Checks.isDeviceId("")).isFalse();
        assertThat(Checks.isDeviceId(null)).isFalse();
        for (char c : new char[] {'@', '[', '`', '{', '/', ';', ' ', '+', 'é'}) {
            assertThat(Checks.isDeviceId("a" + c + "b")).as("%s", c).isFalse();
        }
        for (char c : new char[] {'A', 'Z', 'a', 'z', '0', '9'}) {
            assertThat(Checks.isDeviceId(String.valueOf(c))).as("%s", c).isTrue();
        }
    }

    @Test
    void source_printableAsciiKept_othersReplaced_cutAt128_emptyBecomesDash() {
        assertThat(Checks.source("10.0.0.1")).isEqualTo("10.0.0.1");
        String clean = "203.0.113.7";
        assertThat(Checks.source(clean)).isSameAs(clean); // nothing to replace: no copy
        assertThat(Checks.source("!~")).isEqualTo("!~");
        assertThat(Checks.source("a b\u007fc\u00e9")).isEqualTo("a?b?c?");
        assertThat(Checks.source("x".repeat(128))).hasSize(128);
        assertThat(Checks.source("x".repeat(200))).isEqualTo("x".repeat(128));
        assertThat(Checks.source("")).isEqualTo("-");
    }

    @Test
    void positive_zeroAndNegativeRefused() {
        assertThat(Checks.positive(Duration.ofNanos(1), "d")).isEqualTo(Duration.ofNanos(1));
        assertThatThrownBy(() -> Checks.positive(Duration.ZERO, "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checks.positive(Duration.ofSeconds(-1), "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomDigits_haveTheLengthAndVary() {
        SecureRandom r = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String d = Secrets.randomDigits(r, 6);
            assertThat(d).matches("[0-9]{6}");
            seen.add(d);
        }
        assertThat(seen).hasSizeGreaterThan(40);
    }

    @Test
    void hmac_partsAreLengthPrefixed_soTheyCannotBeReSplit() {
        assertThat(Secrets.hmac(KEY, "ab", "c")).isNotEqualTo(Secrets.hmac(KEY, "a", "bc"));
        assertThat(Secrets.hmac(KEY, "abc")).isNotEqualTo(Secrets.hmac(KEY, "ab", "c"));
        assertThat(Secrets.hmac(KEY, "x")).isNotEqualTo(Secrets.hmac(KEY, "y"));
        String big = "b".repeat(70_000);
        assertThat(Secrets.hmac(KEY, big, "")).isNotEqualTo(Secrets.hmac(KEY, big.substring(1), "b"));
        assertThat(Secrets.hmac(KEY, "a".repeat(256))).isNotEqualTo(Secrets.hmac(KEY, "a".repeat(255), "a"));
        assertThat(Secrets.hmac(KEY, "p")).hasSize(32).isEqualTo(Secrets.hmac(KEY, "p"));
    }

    @Test
    void hmac_knownAnswer_lengthPrefixIsFourBytesBigEndian() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        byte[] s = new byte[300];
        mac.update(new byte[] {0, 0, 1, 44});
        mac.update(s);
        assertThat(Secrets.hmac(KEY, new String(s, java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(mac.doFinal());
    }

    @Test
    void serverKey_atLeast32Bytes_copied() {
        byte[] k = new byte[32];
        byte[] copy = Secrets.serverKey(k);
        k[0] = 1;
        assertThat(copy[0]).isZero();
        assertThatThrownBy(() -> Secrets.serverKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bin_roundTrip_andEveryTruncationIsNotOk() {
        byte[] big = new byte[300];
        big[299] = 7;
        byte[] rec = new Bin.Writer(1).putString("thiết bị").putBytes(big).putLong(-2L).putLong(Long.MAX_VALUE)
                .toByteArray();
        Bin.Reader r = Bin.Reader.of(rec, 1).orElseThrow();
        assertThat(r.getString()).isEqualTo("thiết bị");
        assertThat(r.getBytes()).isEqualTo(big);
        assertThat(r.getLong()).isEqualTo(-2L);
        assertThat(r.getLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(r.ok()).isTrue();
        for (int cut = 1; cut < rec.length; cut++) {
            Bin.Reader t = Bin.Reader.of(java.util.Arrays.copyOf(rec, cut), 1).orElseThrow();
            t.getString();
            t.getBytes();
            t.getLong();
            t.getLong();
            assertThat(t.ok()).as("cut at %d", cut).isFalse();
        }
        Bin.Reader extra = Bin.Reader.of(java.util.Arrays.copyOf(rec, rec.length + 1), 1).orElseThrow();
        extra.getString();
        extra.getBytes();
        extra.getLong();
        extra.getLong();
        assertThat(extra.ok()).as("trailing byte").isFalse();
    }

    @Test
    void bin_exactLengthFieldsRead_oneShortIsNotOk() {
        byte[] rec = new Bin.Writer(1).putBytes(new byte[] {1, 2, 3}).toByteArray();
        assertThat(rec).containsExactly(1, 0, 3, 1, 2, 3);
        Bin.Reader r = Bin.Reader.of(rec, 1).orElseThrow();
        assertThat(r.getBytes()).containsExactly(1, 2, 3);
        assertThat(r.ok()).isTrue();
        byte[] longRec = new Bin.Writer(1).putLong(0x0102030405060708L).toByteArray();
        assertThat(longRec).hasSize(9);
        Bin.Reader l = Bin.Reader.of(longRec, 1).orElseThrow();
        assertThat(l.getLong()).isEqualTo(0x0102030405060708L);
        assertThat(l.ok()).isTrue();
        Bin.Reader shortLong = Bin.Reader.of(java.util.Arrays.copyOf(longRec, 8), 1).orElseThrow();
        assertThat(shortLong.getLong()).isZero();
        assertThat(shortLong.ok()).isFalse();
    }

    @Test
    void bin_fieldOf65535Bytes_allowed_longerRefused() {
        byte[] rec = new Bin.Writer(1).putBytes(new byte[0xFFFF]).toByteArray();
        assertThat(rec).hasSize(3 + 0xFFFF);
        assertThat(rec[1] & 0xFF).isEqualTo(0xFF);
        assertThat(rec[2] & 0xFF).isEqualTo(0xFF);
        Bin.Reader r = Bin.Reader.of(rec, 1).orElseThrow();
        assertThat(r.getBytes()).hasSize(0xFFFF);
        assertThat(r.ok()).isTrue();
        assertThatThrownBy(() -> new Bin.Writer(1).putBytes(new byte[0x10000]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] twoByteLength = new Bin.Writer(1).putBytes(new byte[0x0102]).toByteArray();
        assertThat(twoByteLength[1]).isEqualTo((byte) 1);
        assertThat(twoByteLength[2]).isEqualTo((byte) 2);
    }

    @Test
    void bin_otherVersionOrEmpty_noReader() {
        assertThat(Bin.Reader.of(new Bin.Writer(2).toByteArray(), 1)).isEmpty();
        assertThat(Bin.Reader.of(new byte[0], 1)).isEmpty();
        assertThat(Bin.Reader.of(null, 1)).isEmpty();
    }
}
