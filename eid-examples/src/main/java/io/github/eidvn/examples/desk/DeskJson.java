package io.github.eidvn.examples.desk;

import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON bodies the desk writes itself (a check's answer is {@code CheckInDecision#toJson()}). */
final class DeskJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeskJson() {
    }

    /** @return {@code {"error":…}} */
    static String error(String error) {
        ObjectNode root = JSON.createObjectNode();
        root.put("error", error);
        return write(root);
    }

    /** @return the answer of {@code GET /api/config} */
    static String config(boolean sandbox, String facility, int maxTextChars, int maxImageBytes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("sandbox", sandbox);
        root.put("facility", facility);
        root.put("max_text_chars", maxTextChars);
        root.put("max_image_bytes", maxImageBytes);
        return write(root);
    }

    /** @return the answer of {@code POST /api/sample}: the kind, its bilingual label, the text and the PNG */
    static String sample(SampleCodes.Sample s) {
        SampleCodes.Kind kind = s.kind();
        ObjectNode root = JSON.createObjectNode();
        root.put("sandbox", true);
        root.put("kind", kind.slug());
        ObjectNode label = root.putObject("label");
        label.put("vi", kind.vietnamese());
        label.put("en", kind.english());
        root.put("text", s.text());
        root.put("png", "data:image/png;base64," + Base64.getEncoder().encodeToString(s.png()));
        return write(root);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON writing failed", e);
        }
    }
}
