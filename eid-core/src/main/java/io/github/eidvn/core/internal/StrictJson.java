package io.github.eidvn.core.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Strict JSON for security-relevant objects (JOSE headers, assertion claims, JWKS).
 *
 * <p><b>Security:</b> input must be valid UTF-8 and a single JSON object; duplicate member names (a classic parser
 * differential), trailing tokens and deep nesting are refused. Objects keep their member order
 * ({@link java.util.LinkedHashMap}). Integers come back as {@link Integer} or {@link Long} (or
 * {@link java.math.BigInteger} when larger), fractions as {@link Double}.
 */
public final class StrictJson {

    private static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(64)
                            .maxStringLength(1 << 20)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** The reader and writer of {@link #MAPPER}, made once (the type is resolved once, not per call). */
    private static final ObjectReader MAP_READER = MAPPER.readerFor(MAP);
    private static final ObjectWriter WRITER = MAPPER.writer();

    private StrictJson() {
    }

    /**
     * Parses UTF-8 bytes holding one JSON object.
     *
     * @param utf8 the bytes
     * @return the object, member order kept
     * @throws IllegalArgumentException when the bytes are not strict UTF-8 JSON holding one object
     */
    public static Map<String, Object> parseObject(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        // the JDK's own decoding is fast but replaces malformed input with U+FFFD; only a text holding U+FFFD (rare:
        // malformed input, or a real replacement character) takes the strict decoder, which tells the two apart
        String text = new String(utf8, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return parseObject(text);
        }
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8");
        }
        return parseObject(text);
    }

    /**
     * Parses text holding one JSON object.
     *
     * @param json the text
     * @return the object, member order kept
     * @throws IllegalArgumentException when the text is not strict JSON holding one object
     */
    public static Map<String, Object> parseObject(String json) {
        Objects.requireNonNull(json, "json");
        String trimmed = json.strip();
        if (!trimmed.startsWith("{")) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            Map<String, Object> map = MAP_READER.readValue(trimmed);
            if (map == null) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return map;
        } catch (JsonProcessingException e) {
            // the location only, never the content: the input may hold personal data
            throw new IllegalArgumentException("invalid JSON: " + describe(e));
        }
    }

    /**
     * Serialises a value (maps, lists, strings, numbers, booleans) as compact UTF-8 JSON.
     *
     * @param value the value
     * @return the JSON bytes
     */
    public static byte[] write(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Serialises a value as compact JSON text.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /**
     * An integral JSON number as a {@code long}.
     *
     * @param where the claim path for the message
     * @param value the value
     * @return the long
     * @throws IllegalArgumentException when not an integer in {@code long} range
     */
    public static long longValue(String where, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger && ((BigInteger) value).bitLength() < 64) {
            return ((BigInteger) value).longValue();
        }
        throw new IllegalArgumentException(where + " must be an integer");
    }

    private static String describe(JsonProcessingException e) {
        String kind = e.getClass().getSimpleName();
        if (e.getLocation() != null) {
            return kind + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return kind;
    }
}
