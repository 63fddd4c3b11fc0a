package io.github.eidvn.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.qr.QrErrorCorrection;
import io.github.eidvn.qr.QrSizes;
import io.github.eidvn.qr.SignedQrText;

/**
 * P3/P4: sizes of a signed presentation in the eid digits QR, beside the same signed bytes as a SMART Health Card
 * numeric QR ({@code shc:/}, two digits per JWS character) and as base45 (RFC 9285, alphanumeric mode) of the eid
 * container.
 */
public final class Sizes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private Sizes() {
    }

    /** One encoding of a signed presentation. */
    public record Encoding(String name, int characters, int dataBits, int version) {
    }

    /** The size figures of one signed presentation. */
    public record Figures(String label, int signedBytes, int containerBytes, Encoding eid, Encoding shcNumeric,
            Encoding base45) {

        /** @return QR data bits per signed byte for an encoding */
        double bitsPerSignedByte(Encoding e) {
            return (double) e.dataBits() / signedBytes;
        }
    }

    /** @return the hospital presentation, issued in the compact QR form with a fresh key */
    static String hospitalJws() {
        return BenchFixtures.issuer(KeyRing.generate()).issueForQr(BenchFixtures.hospitalRequest());
    }

    /**
     * The full level-2 eKYC package: issued in the compact QR form (name, birthdate, gender, personal number,
     * address, phone), then the claims the core does not model yet ({@link BenchFixtures#EKYC_EXTRA_COMPACT_JSON}:
     * email, nationality, ethnicity, hometown, residences) added to the compact payload, deflated and signed again
     * with the same key and header.
     *
     * @return the compact JWS
     */
    static String ekycJws() {
        KeyRing ring = KeyRing.generate();
        AssertionIssuer issuer = BenchFixtures.issuer(ring);
        String base = issuer.issueForQr(BenchFixtures.ekycRequest());
        String[] parts = base.split("\\.");
        try {
            Map<String, Object> claims = JSON.readValue(inflate(D64.decode(parts[1])),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            claims.putAll(JSON.readValue(BenchFixtures.EKYC_EXTRA_COMPACT_JSON,
                    new TypeReference<LinkedHashMap<String, Object>>() { }));
            byte[] payload = deflate(JSON.writeValueAsBytes(claims));
            return sign(ring.current(), parts[0], payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(SigningKey key, String headerB64, byte[] payload) {
        String input = headerB64 + "." + B64.encodeToString(payload);
        return input + "." + B64.encodeToString(key.signEs256(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Measures one compact JWS.
     *
     * @param label what it is
     * @param jws the compact JWS (ES256, 64-byte signature)
     * @return the figures
     */
    public static Figures of(String label, String jws) {
        String[] p = jws.split("\\.");
        int signed = D64.decode(p[0]).length + D64.decode(p[1]).length + D64.decode(p[2]).length;
        String digits = SignedQrText.encode(jws);
        String shc = QrSizes.smartHealthCardNumeric(jws);
        String b45 = QrSizes.base45Container(jws);
        return new Figures(label, signed, QrSizes.containerLength(jws),
                new Encoding("eid digits", digits.length(), numericBits(digits.length()), version(digits)),
                new Encoding("SHC numeric", shc.length(), 5 * 8 + numericBits(shc.length() - 5), version(shc)),
                new Encoding("base45", b45.length(), alphanumericBits(b45.length()), version(b45)));
    }

    /** QR numeric mode: 10 bits per 3 digits, 4 or 7 for a last group of 1 or 2 (segment headers not counted). */
    static int numericBits(int digits) {
        return digits / 3 * 10 + new int[] {0, 4, 7}[digits % 3];
    }

    /** QR alphanumeric mode: 11 bits per 2 characters, 6 for a last single one. */
    static int alphanumericBits(int characters) {
        return characters / 2 * 11 + (characters % 2) * 6;
    }

    private static int version(String text) {
        return QrSizes.version(text, QrErrorCorrection.M).orElse(-1);
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static byte[] inflate(byte[] data) {
        Inflater i = new Inflater(true);
        try {
            i.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            while (!i.finished()) {
                int n = i.inflate(buf);
                if (n == 0 && i.needsInput()) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            i.end();
        }
    }
}
