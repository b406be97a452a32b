package org.tokendesk.web.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.tokendesk.domain.common.ValidationException;

/** The one JSON configuration of the API: strict reading, ISO-8601 instants. */
public final class Json {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a number or a boolean where the contract says string is a client error, not a string
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads the request body; an empty body reads as {@code {}}. Unknown fields, wrong types and
     * malformed JSON become a 400 with the offending field; more than 64 KiB is a 413.
     */
    public static <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            body = "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ValidationException.of("body", "must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ValidationException.of(e.getPropertyName(), "is not a known field");
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "body" : String.valueOf(e.getPath().get(0).getFieldName());
            throw ValidationException.of(field, "has the wrong type or shape");
        } catch (JsonProcessingException e) {
            throw ValidationException.of("body", "is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
