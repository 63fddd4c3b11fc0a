package io.github.eidvn.qr;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict RFC 8259 syntax check for "these bytes are one UTF-8 JSON object". It builds no tree and needs no JSON
 * library; nesting depth is capped so hostile input cannot exhaust the stack.
 */
final class JsonSyntax {

    private static final int MAX_DEPTH = 32;

    private final String s;
    private int pos;

    private JsonSyntax(String s) {
        this.s = s;
    }

    /** True when {@code bytes} is strict UTF-8 holding exactly one JSON object (surrounding whitespace allowed). */
    static boolean isJsonObject(byte[] bytes) {
        String text = strictUtf8(bytes);
        if (text == null) {
            return false;
        }
        JsonSyntax p = new JsonSyntax(text);
        p.skipWhitespace();
        if (p.pos >= text.length() || text.charAt(p.pos) != '{') {
            return false;
        }
        if (!p.value(0)) {
            return false;
        }
        p.skipWhitespace();
        return p.pos == text.length();
    }

    /** Strict UTF-8 decoding, or null for malformed input. */
    static String strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean value(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        skipWhitespace();
        if (pos >= s.length()) {
            return false;
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return number();
        }
    }

    private boolean object(int depth) {
        pos++; // '{'
        skipWhitespace();
        if (peek('}')) {
            pos++;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (!peek('"') || !string()) {
                return false;
            }
            skipWhitespace();
            if (!peek(':')) {
                return false;
            }
            pos++;
            if (!value(depth)) {
                return false;
            }
            skipWhitespace();
            if (peek(',')) {
                pos++;
            } else if (peek('}')) {
                pos++;
                return true;
            } else {
                return false;
            }
        }
    }

    private boolean array(int depth) {
        pos++; // '['
        skipWhitespace();
        if (peek(']')) {
            pos++;
            return true;
        }
        while (true) {
            if (!value(depth)) {
                return false;
            }
            skipWhitespace();
            if (peek(',')) {
                pos++;
            } else if (peek(']')) {
                pos++;
                return true;
            } else {
                return false;
            }
        }
    }

    private boolean string() {
        pos++; // opening quote
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    return false;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                        break;
                    case 'u':
                        if (pos + 4 > s.length()) {
                            return false;
                        }
                        for (int i = 0; i < 4; i++) {
                            if (Character.digit(s.charAt(pos++), 16) < 0) {
                                return false;
                            }
                        }
                        break;
                    default:
                        return false;
                }
            }
        }
        return false;
    }

    private boolean literal(String word) {
        if (s.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
        } else if (digits() == 0) {
            return false;
        }
        if (peek('.')) {
            pos++;
            if (digits() == 0) {
                return false;
            }
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (digits() == 0) {
                return false;
            }
        }
        return pos > start;
    }

    private int digits() {
        int n = 0;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
            n++;
        }
        return n;
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }
}
