package io.github.eidvn.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.eidvn.core.internal.Base64Url;

/**
 * The "members" coding of a JOSE protected header inside the signed QR container (format version 1, see
 * {@link SignedQrText}). A header qualifies when its bytes are exactly {@code {"k":"v","k":"v",...}}: no whitespace,
 * no escapes, string values only, at most {@value #MAX_MEMBERS} members. Each member then costs one byte when it is
 * a well-known member, and otherwise a key code and a value coding; a canonical base64url value of 32 bytes (an
 * RFC 7638 SHA-256 thumbprint {@code kid}) is stored as its 32 raw bytes.
 *
 * <p>The tables below are part of the wire format of version 1: they must never be reordered or extended without a
 * new version digit.
 */
final class JoseHeaderCodec {

    /** Largest header (JSON bytes) accepted in either direction. */
    static final int MAX_HEADER_BYTES = 1024;
    /** Largest member count of the members coding (6 bits of the flag byte). */
    static final int MAX_MEMBERS = 63;

    /** Whole members, one byte each: codes 0x00 + index. Frozen for format version 1. */
    static final List<String> MEMBERS = List.of(
            "\"alg\":\"ES256\"",
            "\"typ\":\"vneid-assertion+jwt\"",
            "\"typ\":\"vneid-request+jwt\"",
            "\"zip\":\"DEF\"",
            "\"typ\":\"JWT\"",
            "\"cty\":\"JWT\"",
            "\"alg\":\"EdDSA\"",
            "\"alg\":\"ES256K\"",
            "\"alg\":\"Ed25519\"",
            "\"typ\":\"vneid-presentation+jwt\"",
            "\"typ\":\"vneid-receipt+jwt\"",
            "\"typ\":\"vneid-consent+jwt\"",
            "\"typ\":\"vneid-qr+jwt\"");

    /** Known keys: codes 0x40 + index, followed by a value coding. Frozen for format version 1. */
    static final List<String> KEYS = List.of("alg", "typ", "kid", "zip", "cty", "crit", "x5t#S256", "iss", "jku",
            "x5u");

    /** {@link #MEMBERS} and {@link #KEYS} by value: their codes, for the encoder. */
    private static final Map<String, Integer> MEMBER_CODES = indexes(MEMBERS);
    private static final Map<String, Integer> KEY_CODES = indexes(KEYS);

    static final int CODE_KEY_BASE = 0x40;
    static final int CODE_LITERAL_KEY = 0x80;
    static final int VALUE_LITERAL = 0;
    static final int VALUE_BASE64URL = 1;
    static final int VALUE_BASE64URL_32 = 2;

    private JoseHeaderCodec() {
    }

    /**
     * Splits a header into its members when it has the plain shape described in the class comment.
     *
     * @param header the header JSON bytes (already known to be strict UTF-8)
     * @return {key, value} string pairs, or null when the header does not qualify
     */
    static List<String[]> tokenize(byte[] header) {
        int last = header.length - 1;
        if (header.length < 2 || header[0] != '{' || header[last] != '}') {
            return null;
        }
        List<String[]> members = new ArrayList<>();
        if (header.length == 2) {
            return members;
        }
        int i = 1;
        while (true) {
            int[] key = quoted(header, i, last);
            if (key == null || key[1] >= last || header[key[1]] != ':') {
                return null;
            }
            int[] value = quoted(header, key[1] + 1, last);
            if (value == null) {
                return null;
            }
            members.add(new String[] {
                new String(header, key[0], key[1] - 1 - key[0], StandardCharsets.UTF_8),
                new String(header, value[0], value[1] - 1 - value[0], StandardCharsets.UTF_8)});
            if (members.size() > MAX_MEMBERS) {
                return null;
            }
            i = value[1];
            if (i == last) {
                return members;
            }
            if (header[i] != ',') {
                return null;
            }
            i++;
        }
    }

    /** Parses {@code "..."} at {@code i}; returns {contentStart, indexAfterClosingQuote} or null. */
    private static int[] quoted(byte[] h, int i, int last) {
        if (i >= last || h[i] != '"') {
            return null;
        }
        int start = i + 1;
        int j = start;
        while (j < last && isPlain(h[j])) {
            j++;
        }
        if (j >= last || h[j] != '"') {
            return null;
        }
        return new int[] {start, j + 1};
    }

    /** A byte that may appear unescaped inside a JSON string (excluding the quote and the backslash). */
    static boolean isPlain(byte b) {
        int v = b & 0xFF;
        return v >= 0x20 && v != '"' && v != '\\';
    }

    /** Writes the members coding (without the flag byte). Deterministic: exactly one coding per header. */
    static void writeMembers(List<String[]> members, ByteArrayOutputStream out) {
        for (String[] m : members) {
            String key = m[0];
            String value = m[1];
            Integer whole = MEMBER_CODES.get("\"" + key + "\":\"" + value + "\"");
            if (whole != null) {
                out.write(whole);
                continue;
            }
            Integer keyIndex = KEY_CODES.get(key);
            if (keyIndex != null) {
                out.write(CODE_KEY_BASE + keyIndex);
            } else {
                out.write(CODE_LITERAL_KEY);
                writeLiteral(key.getBytes(StandardCharsets.UTF_8), out);
            }
            writeValue(value, out);
        }
    }

    private static Map<String, Integer> indexes(List<String> table) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            out.put(table.get(i), i);
        }
        return Map.copyOf(out);
    }

    private static void writeValue(String value, ByteArrayOutputStream out) {
        byte[] literal = value.getBytes(StandardCharsets.UTF_8);
        byte[] raw = !value.isEmpty() && Base64Url.isCanonical(value) ? Base64Url.decode(value) : null;
        if (raw != null && raw.length == 32) {
            out.write(VALUE_BASE64URL_32);
            out.writeBytes(raw);
        } else if (raw != null && Varint.size(raw.length) + raw.length < Varint.size(literal.length) + literal.length) {
            out.write(VALUE_BASE64URL);
            writeLiteral(raw, out);
        } else {
            out.write(VALUE_LITERAL);
            writeLiteral(literal, out);
        }
    }

    private static void writeLiteral(byte[] bytes, ByteArrayOutputStream out) {
        Varint.write(bytes.length, out);
        out.writeBytes(bytes);
    }

    /**
     * Reads {@code count} members and rebuilds the header JSON bytes.
     *
     * @throws ContainerFormatException on any malformed or oversized input
     */
    static byte[] readMembers(ByteCursor in, int count) throws ContainerFormatException {
        BoundedBuffer json = new BoundedBuffer(MAX_HEADER_BYTES);
        json.write('{');
        for (int n = 0; n < count; n++) {
            if (n > 0) {
                json.write(',');
            }
            int code = in.readByte();
            if (code < CODE_KEY_BASE) {
                if (code >= MEMBERS.size()) {
                    throw new ContainerFormatException(SignedQrText.Reason.MALFORMED,
                            "unknown header member code " + code);
                }
                json.write(MEMBERS.get(code).getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            json.write('"');
            if (code < CODE_LITERAL_KEY) {
                int index = code - CODE_KEY_BASE;
                if (index >= KEYS.size()) {
                    throw new ContainerFormatException(SignedQrText.Reason.MALFORMED,
                            "unknown header key code " + code);
                }
                json.write(KEYS.get(index).getBytes(StandardCharsets.US_ASCII));
            } else if (code == CODE_LITERAL_KEY) {
                json.write(readPlainLiteral(in));
            } else {
                throw new ContainerFormatException(SignedQrText.Reason.MALFORMED, "unknown header code " + code);
            }
            json.write('"');
            json.write(':');
            json.write('"');
            int type = in.readByte();
            switch (type) {
                case VALUE_LITERAL:
                    json.write(readPlainLiteral(in));
                    break;
                case VALUE_BASE64URL:
                    json.write(Base64Url.encode(in.readBytes(in.readVarint())).getBytes(StandardCharsets.US_ASCII));
                    break;
                case VALUE_BASE64URL_32:
                    json.write(Base64Url.encode(in.readBytes(32)).getBytes(StandardCharsets.US_ASCII));
                    break;
                default:
                    throw new ContainerFormatException(SignedQrText.Reason.MALFORMED,
                            "unknown header value coding " + type);
            }
            json.write('"');
        }
        json.write('}');
        return json.toByteArray();
    }

    private static byte[] readPlainLiteral(ByteCursor in) throws ContainerFormatException {
        byte[] bytes = in.readBytes(in.readVarint());
        for (byte b : bytes) {
            if (!isPlain(b)) {
                throw new ContainerFormatException(SignedQrText.Reason.MALFORMED,
                        "header string holds a quote, backslash or control character");
            }
        }
        return bytes;
    }

    /** An output buffer that refuses to grow past a limit (HEADER_TOO_LARGE). */
    private static final class BoundedBuffer {
        private final byte[] buf;
        private int size;

        BoundedBuffer(int limit) {
            this.buf = new byte[limit];
        }

        void write(int b) throws ContainerFormatException {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void write(byte[] bytes) throws ContainerFormatException {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        private void ensure(int n) throws ContainerFormatException {
            if (n > buf.length - size) {
                throw new ContainerFormatException(SignedQrText.Reason.HEADER_TOO_LARGE,
                        "rebuilt header exceeds " + buf.length + " bytes");
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }
}
