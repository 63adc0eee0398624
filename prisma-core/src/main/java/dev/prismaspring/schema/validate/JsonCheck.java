package dev.prismaspring.schema.validate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Whether a {@code Json} default is valid JSON. */
final class JsonCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCheck() {
    }

    /** {@code null} when valid, else a short description of the problem. */
    static String problem(String text) {
        try {
            MAPPER.readTree(text);
            return text.isBlank() ? "EOF while parsing a value at line 1 column 0" : null;
        } catch (JacksonException e) {
            return e.getOriginalMessage();
        }
    }
}
