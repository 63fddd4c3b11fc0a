package io.github.eidvn.chip;

import io.github.eidvn.chip.internal.Tlv;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsers of the data groups (ICAO Doc 9303 Part 10) this module reads: DG1 (MRZ), DG2 (portrait), DG13 (Vietnamese
 * holder data), DG15 (active authentication key). Each throws {@link Tlv.MalformedException} for bytes out of shape.
 */
final class Lds {

    /** Largest text field accepted in DG13 (an address is a few hundred characters). */
    static final int MAX_FIELD_LENGTH = 1024;

    private static final DateTimeFormatter DG13_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Lds() {
    }

    /**
     * @param number data group number, 1-16
     * @return the outer tag of that data group (Doc 9303 Part 10 Table 33)
     */
    static int tagOf(int number) {
        int[] tags = {0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};
        return tags[number - 1];
    }

    static Tlv outer(byte[] data, int number) throws Tlv.MalformedException {
        Tlv t = Tlv.parse(data);
        if (t.tag() != tagOf(number)) {
            throw new Tlv.MalformedException(String.format("DG%d starts with tag %X, not %X", number, t.tag(),
                    tagOf(number)));
        }
        return t;
    }

    static MrzResult dg1(byte[] data) throws Tlv.MalformedException {
        byte[] mrz = outer(data, 1).require(0x5F1F).value();
        for (byte b : mrz) {
            if (b < 0x20 || b > 0x7E) {
                throw new Tlv.MalformedException("DG1 MRZ has a non-ASCII byte");
            }
        }
        return Mrz.parse(new String(mrz, StandardCharsets.US_ASCII));
    }

    static FaceImage dg2(byte[] data) throws Tlv.MalformedException {
        Tlv group = outer(data, 2).require(0x7F61);
        Tlv template = group.require(0x7F60);
        Tlv block = template.child(0x5F2E).isPresent() ? template.require(0x5F2E) : template.require(0x7F2E);
        byte[] b = block.value();
        // ISO/IEC 19794-5: "FAC\0", version, record length (4), number of faces (2); then per face a 20-byte header
        // whose first 4 bytes are the block length and next 2 the number of feature points (8 bytes each), then a
        // 12-byte image information block whose second byte is the image data type (0 JPEG, 1 JPEG 2000)
        if (b.length < 14 + 20 + 12 || b[0] != 'F' || b[1] != 'A' || b[2] != 'C' || b[3] != 0) {
            throw new Tlv.MalformedException("DG2 biometric data block is not an ISO/IEC 19794-5 facial record");
        }
        int at = 14;
        long blockLength = ByteBuffer.wrap(b, at, 4).getInt() & 0xFFFFFFFFL;
        int points = ByteBuffer.wrap(b, at + 4, 2).getShort() & 0xFFFF;
        int imageInfo = at + 20 + points * 8;
        long blockEnd = at + blockLength;
        if (imageInfo + 12 > b.length || blockEnd > b.length || blockEnd <= imageInfo + 12) {
            throw new Tlv.MalformedException("DG2 facial record lengths do not fit");
        }
        int dataType = b[imageInfo + 1] & 0xFF;
        byte[] image = Arrays.copyOfRange(b, imageInfo + 12, (int) blockEnd);
        FaceImage.Format format;
        if (dataType == 0 && startsWith(image, 0xFF, 0xD8, 0xFF)) {
            format = FaceImage.Format.JPEG;
        } else if (dataType == 1 && (startsWith(image, 0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20)
                || startsWith(image, 0xFF, 0x4F, 0xFF, 0x51))) {
            format = FaceImage.Format.JPEG_2000;
        } else {
            throw new Tlv.MalformedException("DG2 image is neither JPEG nor JPEG 2000 as its header says");
        }
        return new FaceImage(image, format);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static CitizenData dg13(byte[] data, Clock clock) throws Tlv.MalformedException {
        Tlv sequence = outer(data, 13).require(0x30);
        Tlv set = sequence.require(0x31);
        Map<Integer, String> text = new HashMap<>();
        Map<Integer, List<String>> nested = new HashMap<>();
        for (Tlv entry : set.children()) {
            if (entry.tag() != 0x30) {
                throw new Tlv.MalformedException("DG13 entry is not a SEQUENCE");
            }
            List<Tlv> parts = entry.children();
            if (parts.isEmpty() || parts.get(0).tag() != 0x02 || parts.get(0).value().length != 1) {
                throw new Tlv.MalformedException("DG13 entry does not start with its field number");
            }
            int n = parts.get(0).value()[0];
            if (n < 1 || text.containsKey(n) || nested.containsKey(n)) {
                throw new Tlv.MalformedException("DG13 field number out of range or repeated");
            }
            List<String> strings = new ArrayList<>();
            for (Tlv p : parts.subList(1, parts.size())) {
                collectStrings(p, strings, 0);
            }
            if (n == 13 || n == 14) {
                nested.put(n, strings);
            } else if (strings.size() == 1) {
                text.put(n, strings.get(0));
            } else if (!strings.isEmpty()) {
                throw new Tlv.MalformedException("DG13 field " + n + " has " + strings.size() + " values");
            }
        }
        String numberText = required(text, 1);
        PersonName name = PersonName.parse(required(text, 2))
                .orElseThrow(() -> new Tlv.MalformedException("DG13 field 2 is not a usable name"));
        LocalDate birth = date(required(text, 3), 3);
        Sex sex = Sex.parse(required(text, 4))
                .orElseThrow(() -> new Tlv.MalformedException("DG13 field 4 is not Nam or Nữ"));
        PersonalNumber.ParseResult parsed = PersonalNumber.parse(numberText, PersonalNumber.ParseOptions.builder()
                .clock(clock).expectedBirthDate(birth).expectedSex(sex).build());
        if (!parsed.isValid()) {
            throw new Tlv.MalformedException("DG13 personal number is not valid for its birth date and sex: "
                    + ((PersonalNumber.ParseResult.Invalid) parsed).reason());
        }
        LocalDate issue = text.containsKey(11) ? date(text.get(11), 11) : null;
        LocalDate expiry = null;
        if (text.containsKey(12) && text.get(12).matches("[0-9]{2}/[0-9]{2}/[0-9]{4}")) {
            expiry = date(text.get(12), 12);
        }
        List<String> parents = nested.getOrDefault(13, List.of());
        List<String> spouse = nested.getOrDefault(14, List.of());
        Map<Integer, String> known = new HashMap<>();
        Map<Integer, String> other = new HashMap<>();
        text.forEach((k, v) -> (k <= 12 ? known : other).put(k, v));
        return new CitizenData(parsed.orElseThrow(), name, birth, sex, known, issue, expiry,
                blankToNull(parents, 0), blankToNull(parents, 1), blankToNull(spouse, 0), other);
    }

    private static String blankToNull(List<String> values, int index) {
        return index < values.size() && !values.get(index).isBlank() ? values.get(index) : null;
    }

    private static void collectStrings(Tlv t, List<String> out, int depth) throws Tlv.MalformedException {
        if (depth > 4) {
            throw new Tlv.MalformedException("DG13 nested too deeply");
        }
        if (t.tag() == 0x0C || t.tag() == 0x13) {
            out.add(utf8(t.value()));
        } else if (t.tag() == 0x30 || t.tag() == 0x31) {
            for (Tlv c : t.children()) {
                collectStrings(c, out, depth + 1);
            }
        } else {
            throw new Tlv.MalformedException(String.format("DG13 value with unexpected tag %X", t.tag()));
        }
    }

    private static String utf8(byte[] b) throws Tlv.MalformedException {
        if (b.length > MAX_FIELD_LENGTH * 4) {
            throw new Tlv.MalformedException("DG13 text field too long");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            for (int i = 0; i < s.length(); i++) {
                if (Character.isISOControl(s.charAt(i))) {
                    throw new Tlv.MalformedException("DG13 text has a control character");
                }
            }
            return s.strip();
        } catch (CharacterCodingException e) {
            throw new Tlv.MalformedException("DG13 text is not UTF-8");
        }
    }

    private static String required(Map<Integer, String> text, int n) throws Tlv.MalformedException {
        String s = text.get(n);
        if (s == null || s.isEmpty()) {
            throw new Tlv.MalformedException("DG13 field " + n + " is missing");
        }
        return s;
    }

    private static LocalDate date(String s, int n) throws Tlv.MalformedException {
        try {
            return LocalDate.parse(s, DG13_DATE);
        } catch (DateTimeParseException e) {
            throw new Tlv.MalformedException("DG13 field " + n + " is not a dd/MM/yyyy date");
        }
    }

    /**
     * @param data DG15
     * @return the SubjectPublicKeyInfo of the active authentication key
     * @throws Tlv.MalformedException if not {@code 6F} wrapping a SEQUENCE
     */
    static byte[] dg15(byte[] data) throws Tlv.MalformedException {
        List<Tlv> inner = outer(data, 15).children();
        if (inner.size() != 1 || inner.get(0).tag() != 0x30) {
            throw new Tlv.MalformedException("DG15 does not hold one SubjectPublicKeyInfo");
        }
        return inner.get(0).encoded();
    }
}
