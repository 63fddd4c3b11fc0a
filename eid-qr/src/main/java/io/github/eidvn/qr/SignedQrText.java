package io.github.eidvn.qr;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.core.result.Outcome;
import io.github.eidvn.core.result.Refusal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.github.eidvn.core.internal.Base64Url;

/**
 * The digits-only text of a signed eID QR code: a compact JWS (ES256, raw-DEFLATE payload) packed into a small binary
 * container and written as decimal digits, so that the QR uses numeric mode (3.33 bits per digit) and a handheld
 * scanner in keyboard-wedge mode types it unchanged even with a Vietnamese Telex/VNI input method switched on.
 *
 * <p>The container is transport only. It is not a second signature format and proves nothing: {@link #decode}
 * rebuilds the exact compact JWS, byte for byte, and the verifier then checks the JWS signature as usual.
 *
 * <h2 id="format">FORMAT (version 1)</h2>
 * <pre>
 * text      = "84" "1" body                  "84" is the magic, "1" the format version (3 digits = 10 QR bits)
 * body      = *chunk17 [last]                the container bytes, big-endian, 7 bytes per 17-digit chunk
 * chunk17   = 17 DIGIT                       value of 7 bytes, zero-padded, must be &lt; 256^7
 * last      = 3 / 5 / 8 / 10 / 13 / 15 DIGIT value of the final 1 / 2 / 3 / 4 / 5 / 6 bytes, must be &lt; 256^k
 *                                            (each length is the fewest digits that hold k bytes, and all differ,
 *                                            so body length mod 17 tells the byte count without ambiguity)
 *
 * container = flag header payload signature
 * flag      = 1 byte: bits 7-6 header coding, bits 5-0 member count (members coding) or 0 (raw coding);
 *             codings 10 and 11 are reserved (rejected as UNSUPPORTED_VERSION)
 * header    = raw coding  (00): varint length, then the protected-header JSON bytes
 *           / members coding (01): member*count, the header being exactly {"k":"v",...} (no whitespace,
 *             no escapes, string values only); the decoder rebuilds the identical JSON bytes:
 *   member  = 0x00-0x3F               a whole well-known member, e.g. 0x00 = "alg":"ES256",
 *                                     0x01 = "typ":"vneid-assertion+jwt", 0x03 = "zip":"DEF"
 *           / 0x40-0x7F value         a well-known key ("alg", "typ", "kid", "zip", "cty", ...) and its value
 *           / 0x80 varint bytes value a literal key
 *   value   = 0x00 varint bytes       a literal string
 *           / 0x01 varint bytes       a canonical base64url string, stored decoded
 *           / 0x02 32 bytes           a canonical base64url string of 32 bytes (an RFC 7638 SHA-256 kid)
 * payload   = all bytes between header and the last 64 (the JWS payload, raw-DEFLATE bytes; not inflated here)
 * signature = 64 bytes                ES256 R||S (or any other 64-byte JWS signature)
 * varint    = unsigned LEB128, minimal form, at most 2 bytes
 * </pre>
 * The payload length is not stored: the digit count fixes the container length exactly. The tables of well-known
 * members and keys are frozen for version 1. The header JSON is limited to 1,024 bytes. Every JWS has exactly one
 * container ({@link #encode} is deterministic and picks the members coding whenever the header qualifies), and
 * {@link #decode} rejects any other coding of the same JWS ({@link Reason#NON_CANONICAL}); so two different texts
 * never decode to the same JWS, and changing any digit either is rejected or yields a different JWS.
 *
 * <p>Size: a JWS with header {@code {"alg":"ES256","typ":"vneid-assertion+jwt","kid":"<43-char thumbprint>",
 * "zip":"DEF"}} costs 38 header bytes + 64 signature bytes + the payload, about 2.43 digits per byte.
 *
 * <p><b>Security.</b> {@link #decode} treats its input as hostile: it rejects texts over {@value #MAX_TEXT_LENGTH}
 * characters before looking at them, never throws on bad input, never allocates more than a small multiple of the
 * input size, and caps the rebuilt header at 1,024 bytes. A {@link Decoded} result is <em>not</em> verified: pass
 * its JWS to the verifier.
 */
public final class SignedQrText {

    /** The magic "84" followed by the format version "1". */
    public static final String PREFIX = "841";
    /** Texts longer than this are rejected ({@link Reason#TOO_LARGE}) before anything else. */
    public static final int MAX_TEXT_LENGTH = 8000;
    /** The signature length this format carries (ES256 R||S). */
    public static final int SIGNATURE_LENGTH = 64;

    static final String MAGIC = "84";
    /** Encoder output limit: leaves room for a scanner's CR LF within {@link #MAX_TEXT_LENGTH}. */
    static final int MAX_ENCODED_LENGTH = MAX_TEXT_LENGTH - 2;
    private static final int MAX_JWS_LENGTH = 16 * 1024;

    private static final int CHUNK_BYTES = 7;
    private static final int CHUNK_DIGITS = 17;
    /** Digits for a final chunk of k bytes, k = 0..7. */
    private static final int[] DIGITS_FOR_BYTES = {0, 3, 5, 8, 10, 13, 15, 17};
    /** Bytes for a final chunk of d digits (d = body length mod 17), or -1 when no byte count gives d digits. */
    private static final int[] BYTES_FOR_DIGITS = new int[CHUNK_DIGITS];

    static {
        Arrays.fill(BYTES_FOR_DIGITS, -1);
        for (int k = 0; k < CHUNK_BYTES; k++) {
            BYTES_FOR_DIGITS[DIGITS_FOR_BYTES[k]] = k;
        }
    }

    private static final int CODING_RAW = 0;
    private static final int CODING_MEMBERS = 1;

    private SignedQrText() {
    }

    /**
     * Packs a compact JWS into the digits-only QR text.
     *
     * @param compactJws {@code header.payload.signature} in canonical unpadded base64url, whose header is a JSON
     *        object of at most 1,024 bytes and whose signature is exactly 64 bytes (ES256 R||S)
     * @return the QR text, digits only, starting with {@link #PREFIX}
     * @throws NullPointerException when {@code compactJws} is null
     * @throws IllegalArgumentException when {@code compactJws} is not such a JWS, or is too large for one QR code
     *         (more than {@value #MAX_ENCODED_LENGTH} digits, about 3,290 container bytes)
     */
    public static String encode(String compactJws) {
        byte[] container = pack(compactJws);
        int digits = PREFIX.length() + digitCount(container.length);
        if (digits > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("JWS too large for a signed QR text: " + digits + " digits > "
                    + MAX_ENCODED_LENGTH);
        }
        return toDigits(container);
    }

    /**
     * Unpacks a scanned QR text into the compact JWS it carries. One trailing line break (CR, LF or CR LF, as a
     * scanner's Enter key adds) is ignored; nothing else is trimmed.
     *
     * @param text the scanned text (untrusted)
     * @return {@link Decoded} with the rebuilt compact JWS (not yet verified), or {@link Rejected} with the reason
     * @throws NullPointerException when {@code text} is null
     */
    public static DecodeResult decode(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            return new Rejected(Reason.TOO_LARGE, "text has " + text.length() + " characters, limit "
                    + MAX_TEXT_LENGTH);
        }
        String s = trimOneLineBreak(text);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return new Rejected(Reason.NOT_DIGITS, "character at index " + i + " is not a digit");
            }
        }
        if (!s.startsWith(MAGIC)) {
            return new Rejected(Reason.NOT_A_CONTAINER, "text does not start with " + MAGIC);
        }
        if (s.length() < PREFIX.length()) {
            return new Rejected(Reason.BAD_LENGTH, "text ends inside the prefix");
        }
        if (s.charAt(MAGIC.length()) != PREFIX.charAt(MAGIC.length())) {
            return new Rejected(Reason.UNSUPPORTED_VERSION, "format version " + s.charAt(MAGIC.length())
                    + " is not supported (only " + PREFIX.charAt(MAGIC.length()) + ")");
        }
        int bodyDigits = s.length() - PREFIX.length();
        int lastBytes = BYTES_FOR_DIGITS[bodyDigits % CHUNK_DIGITS];
        if (lastBytes < 0) {
            return new Rejected(Reason.BAD_LENGTH, bodyDigits + " body digits: the last chunk of "
                    + bodyDigits % CHUNK_DIGITS + " digits matches no byte count");
        }
        int fullChunks = bodyDigits / CHUNK_DIGITS;
        byte[] container = new byte[fullChunks * CHUNK_BYTES + lastBytes];
        int at = PREFIX.length();
        for (int c = 0; c < fullChunks; c++) {
            if (!putChunk(s, at, CHUNK_DIGITS, container, c * CHUNK_BYTES, CHUNK_BYTES)) {
                return new Rejected(Reason.CHUNK_OUT_OF_RANGE, "chunk " + c + " is not below 256^7");
            }
            at += CHUNK_DIGITS;
        }
        if (lastBytes > 0 && !putChunk(s, at, DIGITS_FOR_BYTES[lastBytes], container, fullChunks * CHUNK_BYTES,
                lastBytes)) {
            return new Rejected(Reason.CHUNK_OUT_OF_RANGE, "last chunk is not below 256^" + lastBytes);
        }
        try {
            return new Decoded(unpack(container));
        } catch (ContainerFormatException e) {
            return new Rejected(e.reason(), e.getMessage());
        }
    }

    /** The number of digits (including the prefix) that a container of {@code bytes} bytes takes. */
    static int textLength(int bytes) {
        return PREFIX.length() + digitCount(bytes);
    }

    private static int digitCount(int bytes) {
        return bytes / CHUNK_BYTES * CHUNK_DIGITS + DIGITS_FOR_BYTES[bytes % CHUNK_BYTES];
    }

    static String trimOneLineBreak(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("\n") || s.endsWith("\r")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    static String toDigits(byte[] container) {
        char[] out = new char[PREFIX.length() + digitCount(container.length)];
        PREFIX.getChars(0, PREFIX.length(), out, 0);
        int at = PREFIX.length();
        for (int off = 0; off < container.length; off += CHUNK_BYTES) {
            int n = Math.min(CHUNK_BYTES, container.length - off);
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | (container[off + i] & 0xFF);
            }
            // the chunk's value in exactly DIGITS_FOR_BYTES[n] decimal digits, zero-padded on the left
            int width = DIGITS_FOR_BYTES[n];
            for (int d = at + width - 1; d >= at; d--) {
                out[d] = (char) ('0' + v % 10);
                v /= 10;
            }
            at += width;
        }
        return new String(out);
    }

    /** Parses {@code digits} digits at {@code at} into {@code n} big-endian bytes; false when the value is too big. */
    private static boolean putChunk(String s, int at, int digits, byte[] out, int off, int n) {
        long v = 0;
        for (int i = 0; i < digits; i++) {
            v = v * 10 + (s.charAt(at + i) - '0'); // at most 17 digits: fits in a long
        }
        if (v >= 1L << (8 * n)) {
            return false;
        }
        for (int i = n - 1; i >= 0; i--) {
            out[off + i] = (byte) v;
            v >>>= 8;
        }
        return true;
    }

    /** Builds the binary container of a compact JWS (see the class comment). */
    static byte[] pack(String compactJws) {
        Objects.requireNonNull(compactJws, "compactJws");
        if (compactJws.length() > MAX_JWS_LENGTH) {
            throw new IllegalArgumentException("not a compact JWS for a QR code: longer than " + MAX_JWS_LENGTH);
        }
        int dot1 = compactJws.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : compactJws.indexOf('.', dot1 + 1);
        if (dot2 < 0 || compactJws.indexOf('.', dot2 + 1) >= 0) {
            throw new IllegalArgumentException("not a compact JWS: expected three dot-separated parts");
        }
        byte[] header;
        byte[] payload;
        byte[] signature;
        try {
            header = Base64Url.decode(compactJws.substring(0, dot1));
            payload = Base64Url.decode(compactJws.substring(dot1 + 1, dot2));
            signature = Base64Url.decode(compactJws.substring(dot2 + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "not a compact JWS: a part is not canonical unpadded base64url, so it cannot be rebuilt exactly");
        }
        if (header.length > JoseHeaderCodec.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("JWS header longer than " + JoseHeaderCodec.MAX_HEADER_BYTES
                    + " bytes");
        }
        List<String[]> members = JoseHeaderCodec.tokenize(header);
        if (!isJsonObject(header, members)) {
            throw new IllegalArgumentException("not a compact JWS: the header is not a UTF-8 JSON object");
        }
        if (signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature is " + signature.length + " bytes; this format carries "
                    + SIGNATURE_LENGTH + " (ES256 R||S)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + payload.length + 70);
        out.writeBytes(headerCoding(header, members));
        out.writeBytes(payload);
        out.writeBytes(signature);
        return out.toByteArray();
    }

    /**
     * Whether a header is one UTF-8 JSON object. A header of the plain members shape ({@code members} not null:
     * {@code {"k":"v",...}}, no escapes, no control characters) is one exactly when its bytes are strict UTF-8, so
     * only other headers need the full syntax check.
     */
    private static boolean isJsonObject(byte[] header, List<String[]> members) {
        if (members == null) {
            return JsonSyntax.isJsonObject(header);
        }
        for (byte b : header) {
            if (b < 0) {
                return JsonSyntax.strictUtf8(header) != null; // not ASCII: decode strictly
            }
        }
        return true;
    }

    /**
     * The container's header part for a header that is a JSON object of at most the maximum length: the one coding.
     *
     * @param members the header's members as {@link JoseHeaderCodec#tokenize} gives them (null: raw coding)
     */
    private static byte[] headerCoding(byte[] header, List<String[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + 4);
        if (members != null) {
            out.write(CODING_MEMBERS << 6 | members.size());
            JoseHeaderCodec.writeMembers(members, out);
        } else {
            out.write(CODING_RAW << 6);
            Varint.write(header.length, out);
            out.writeBytes(header);
        }
        return out.toByteArray();
    }

    /** Rebuilds the compact JWS from container bytes, insisting on the canonical coding. */
    static String unpack(byte[] container) throws ContainerFormatException {
        ByteCursor in = new ByteCursor(container);
        int flag = in.readByte();
        int coding = flag >>> 6;
        byte[] header;
        if (coding == CODING_RAW) {
            if ((flag & 0x3F) != 0) {
                throw new ContainerFormatException(Reason.MALFORMED, "reserved flag bits are set");
            }
            int length = in.readVarint();
            if (length > JoseHeaderCodec.MAX_HEADER_BYTES) {
                throw new ContainerFormatException(Reason.HEADER_TOO_LARGE, "header of " + length + " bytes");
            }
            header = in.readBytes(length);
        } else if (coding == CODING_MEMBERS) {
            header = JoseHeaderCodec.readMembers(in, flag & 0x3F);
        } else {
            throw new ContainerFormatException(Reason.UNSUPPORTED_VERSION, "header coding " + coding
                    + " is reserved");
        }
        if (in.remaining() < SIGNATURE_LENGTH) {
            throw new ContainerFormatException(Reason.MALFORMED, "container ends before the " + SIGNATURE_LENGTH
                    + "-byte signature");
        }
        List<String[]> members = JoseHeaderCodec.tokenize(header);
        if (!isJsonObject(header, members)) {
            throw new ContainerFormatException(Reason.MALFORMED, "header is not a UTF-8 JSON object");
        }
        if (header.length > JoseHeaderCodec.MAX_HEADER_BYTES) {
            throw new ContainerFormatException(Reason.NON_CANONICAL, "rebuilt JWS cannot be packed: JWS header longer"
                    + " than " + JoseHeaderCodec.MAX_HEADER_BYTES + " bytes");
        }
        // payload and signature are copied as they are; the header has exactly one coding, the encoder's
        int headerEnd = in.position();
        byte[] canonical = headerCoding(header, members);
        if (!Arrays.equals(canonical, 0, canonical.length, container, 0, headerEnd)) {
            throw new ContainerFormatException(Reason.NON_CANONICAL,
                    "the header is not in the one coding the encoder produces");
        }
        byte[] payload = in.readBytes(in.remaining() - SIGNATURE_LENGTH);
        byte[] signature = in.readBytes(SIGNATURE_LENGTH);
        return Base64Url.encode(header) + '.' + Base64Url.encode(payload) + '.' + Base64Url.encode(signature);
    }

    /** The outcome of {@link #decode}: {@link Decoded} or {@link Rejected}. */
    public sealed interface DecodeResult extends Outcome<String, Reason> permits Decoded, Rejected {
    }

    /**
     * The compact JWS rebuilt from a signed QR text. It is <em>unverified</em>: the container carries no proof.
     *
     * @param compactJws the compact JWS, byte for byte as the issuer signed it
     */
    public record Decoded(String compactJws) implements DecodeResult, Outcome.Success<String, Reason> {
        /**
         * Creates the value.
         *
         * @param compactJws the compact JWS; not null
         */
        public Decoded {
            Objects.requireNonNull(compactJws, "compactJws");
        }

        /** @return {@link #compactJws()} */
        @Override
        public String value() {
            return compactJws;
        }
    }

    /**
     * A text that is not a well-formed signed QR text.
     *
     * @param reason why
     * @param detail a technical detail for logs (English, no personal data)
     */
    public record Rejected(Reason reason, String detail) implements DecodeResult, Outcome.Failure<String, Reason> {
        /**
         * Creates the value.
         *
         * @param reason why; not null
         * @param detail technical detail; not null
         */
        public Rejected {
            Refusal.requireReasonAndDetail(reason, detail);
        }
    }

    /** Why a text was rejected, with messages for the person at the desk in English and Vietnamese. */
    public enum Reason implements HasBilingualText {
        /** More than {@value SignedQrText#MAX_TEXT_LENGTH} characters. */
        TOO_LARGE("The QR text is too long (over 8,000 characters).",
                "Nội dung mã QR quá dài (trên 8.000 ký tự)."),
        /** A character other than 0-9 (after removing one trailing line break). */
        NOT_DIGITS("The QR text must contain digits only.",
                "Nội dung mã QR chỉ được chứa chữ số."),
        /** Digits, but not starting with the "84" magic. */
        NOT_A_CONTAINER("This is not a signed e-ID QR code.",
                "Đây không phải là mã QR có chữ ký của định danh điện tử."),
        /** The "84" magic with a version digit or header coding this software does not know. */
        UNSUPPORTED_VERSION("This signed QR code uses a newer format; please update the software.",
                "Mã QR có chữ ký dùng định dạng mới hơn; vui lòng cập nhật phần mềm."),
        /** A digit count that no container length gives (often an incomplete scan). */
        BAD_LENGTH("The QR text has an invalid length; it may have been scanned incompletely.",
                "Độ dài nội dung mã QR không hợp lệ; có thể mã chưa được quét đầy đủ."),
        /** A chunk whose decimal value is too large for its byte count. */
        CHUNK_OUT_OF_RANGE("The QR text is corrupted.",
                "Nội dung mã QR bị hỏng."),
        /** The container bytes do not parse (lengths overrun, unknown codes, no room for the signature). */
        MALFORMED("The signed QR code is damaged or incomplete.",
                "Mã QR có chữ ký bị hỏng hoặc không đầy đủ."),
        /** The rebuilt protected header would exceed 1,024 bytes. */
        HEADER_TOO_LARGE("The signed QR code header is too large.",
                "Phần tiêu đề của mã QR có chữ ký quá lớn."),
        /** Well formed, but not the one coding this JWS has (a tampered or foreign encoder). */
        NON_CANONICAL("The signed QR code is not encoded in the standard form.",
                "Mã QR có chữ ký không được mã hoá theo dạng chuẩn.");

        private final Bilingual text;

        Reason(String english, String vietnamese) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }
}
