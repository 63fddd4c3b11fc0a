package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.StringJoiner;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SignedQrTextProperties {

    @Property(tries = 300)
    void encodeThenDecode_givesTheIdenticalJws(@ForAll("jwsShaped") String jws) {
        String text = SignedQrText.encode(jws);
        assertThat(text).matches("^[0-9]+$");
        SignedQrText.DecodeResult r = SignedQrText.decode(text);
        assertThat(r).isInstanceOf(SignedQrText.Decoded.class);
        assertThat(((SignedQrText.Decoded) r).compactJws()).isEqualTo(jws);
    }

    @Property(tries = 500)
    void anySingleDigitChanged_rejectedOrADifferentJws(@ForAll("smallJws") String jws,
            @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String text = SignedQrText.encode(jws);
        int i = where % text.length();
        char changed = (char) ('0' + (text.charAt(i) - '0' + delta) % 10);
        String mutated = text.substring(0, i) + changed + text.substring(i + 1);
        SignedQrText.DecodeResult r = SignedQrText.decode(mutated);
        if (r instanceof SignedQrText.Decoded) {
            assertThat(((SignedQrText.Decoded) r).compactJws()).isNotEqualTo(jws);
        }
    }

    @Property(tries = 300)
    void anyDigitDeletedOrInserted_rejectedOrADifferentJws(@ForAll("smallJws") String jws,
            @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll @IntRange(min = 0, max = 9) int digit) {
        String text = SignedQrText.encode(jws);
        int i = where % text.length();
        for (String mutated : List.of(text.substring(0, i) + text.substring(i + 1),
                text.substring(0, i) + digit + text.substring(i))) {
            SignedQrText.DecodeResult r = SignedQrText.decode(mutated);
            if (r instanceof SignedQrText.Decoded) {
                assertThat(((SignedQrText.Decoded) r).compactJws()).isNotEqualTo(jws);
            }
        }
    }

    /** Canonical: whatever decodes, encodes back to exactly the same text. */
    @Property(tries = 1000)
    void randomContainerBytes_neverThrow_andWhatDecodesReEncodesIdentically(
            @ForAll @Size(max = 300) byte[] container) {
        String text = SignedQrText.toDigits(container);
        SignedQrText.DecodeResult r = SignedQrText.decode(text);
        if (r instanceof SignedQrText.Decoded) {
            assertThat(SignedQrText.encode(((SignedQrText.Decoded) r).compactJws())).isEqualTo(text);
        }
    }

    /**
     * Containers built from the members grammar (any mix of table members, key codes, literal keys, literal and
     * base64url values): each either decodes to a JWS that encodes back to exactly the same text, or is rejected
     * as NON_CANONICAL / MALFORMED; so no JWS has two accepted texts.
     */
    @Property(tries = 1000)
    void grammarBuiltContainers_decodeOnlyInTheirCanonicalCoding(@ForAll("grammarContainers") byte[] container) {
        String text = SignedQrText.toDigits(container);
        SignedQrText.DecodeResult r = SignedQrText.decode(text);
        if (r instanceof SignedQrText.Decoded) {
            assertThat(SignedQrText.encode(((SignedQrText.Decoded) r).compactJws())).isEqualTo(text);
        } else {
            assertThat(((SignedQrText.Rejected) r).reason()).isIn(SignedQrText.Reason.NON_CANONICAL,
                    SignedQrText.Reason.MALFORMED);
        }
    }

    @Provide
    Arbitrary<byte[]> grammarContainers() {
        Arbitrary<String> b64chars = Arbitraries.strings().withChars(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").ofMaxLength(50);
        Arbitrary<byte[]> literal = Arbitraries.oneOf(b64chars, Arbitraries.of("ES256", "DEF", "alg", "kid"),
                Arbitraries.strings().ascii().ofMaxLength(8)).map(v -> {
                    byte[] b = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return concat(new byte[] {(byte) b.length}, b);
                });
        Arbitrary<byte[]> value = Arbitraries.oneOf(
                literal.map(l -> concat(new byte[] {0}, l)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                        .map(b -> concat(new byte[] {1, (byte) b.length}, b)),
                Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> concat(new byte[] {2}, b)));
        Arbitrary<byte[]> member = Arbitraries.oneOf(
                Arbitraries.integers().between(0, JoseHeaderCodec.MEMBERS.size() - 1).map(c -> new byte[] {
                    c.byteValue()}),
                Combinators.combine(Arbitraries.integers().between(0, JoseHeaderCodec.KEYS.size() - 1), value)
                        .as((k, v) -> concat(new byte[] {(byte) (0x40 + k)}, v)),
                Combinators.combine(literal, value).as((k, v) -> concat(new byte[] {(byte) 0x80}, k, v)));
        return Combinators.combine(member.list().ofMaxSize(5),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(50)).as((members, payload) -> {
                    byte[] out = new byte[] {(byte) (0x40 | members.size())};
                    for (byte[] m : members) {
                        out = concat(out, m);
                    }
                    return concat(out, payload, new byte[64]);
                });
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Property(tries = 1000)
    void randomStrings_neverThrow(@ForAll("texts") String text) {
        assertThat(SignedQrText.decode(text)).isNotNull();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(400),
                Arbitraries.strings().numeric().ofMaxLength(600),
                Arbitraries.strings().numeric().ofMaxLength(600).map(s -> "841" + s),
                Arbitraries.strings().numeric().ofMinLength(8000).ofMaxLength(8002).map(s -> "841" + s));
    }

    @Provide
    Arbitrary<String> jwsShaped() {
        return Combinators.combine(headers(), Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                Arbitraries.bytes().array(byte[].class).ofSize(64)).as(JwsFixtures::jws);
    }

    @Provide
    Arbitrary<String> smallJws() {
        return Combinators.combine(headers(), Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.bytes().array(byte[].class).ofSize(64)).as(JwsFixtures::jws);
    }

    /** JSON object headers: well-known members, base64url values, arbitrary Unicode (escaped), other JSON values. */
    static Arbitrary<String> headers() {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("alg", "typ", "kid", "zip", "cty", "crit", "x5t#S256"),
                Arbitraries.strings().all().ofMaxLength(10));
        Arbitrary<String> stringValue = Arbitraries.oneOf(
                Arbitraries.of("ES256", "vneid-assertion+jwt", "vneid-request+jwt", "DEF", "JWT", "EdDSA"),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(48).map(JwsFixtures::b64),
                Arbitraries.bytes().array(byte[].class).ofSize(32).map(JwsFixtures::b64),
                Arbitraries.strings().all().ofMaxLength(12));
        Arbitrary<String> member = Arbitraries.oneOf(
                Combinators.combine(key, stringValue).as((k, v) -> quote(k) + ":" + quote(v)),
                Combinators.combine(key, Arbitraries.integers()).as((k, v) -> quote(k) + ":" + v),
                key.map(k -> quote(k) + ":[true,null,{\"a\":-1.5e3}]"));
        return member.list().ofMaxSize(6).flatMap(members -> Arbitraries.of(", ", ",").map(sep -> {
            StringJoiner j = new StringJoiner(members.size() % 3 == 2 ? sep : ",", "{", "}");
            members.forEach(j::add);
            return j.toString();
        }));
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
