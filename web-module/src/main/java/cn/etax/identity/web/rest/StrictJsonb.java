package cn.etax.identity.web.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * JSON-B for the REST API with numbers, truth values, dates and texts read as they are written (API-1): by default a
 * grant id of 2^64 + 58 wraps round to 58, 58.7 is cut to 58, {@code "closed": "yes"} reads false and
 * {@code "password": true} reads "true" — each silently naming something else than the caller sent. Here a whole
 * number out of range, a fraction where a whole number belongs, anything but {@code true}/{@code false} for a truth
 * value and anything but a JSON string for a text are refused (400 {@code REQUEST_BODY_INVALID}).
 * Request bodies use the boxed types for this; primitives keep JSON-B's own reading.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(
            new WholeLong(), new WholeInteger(), new StrictBoolean(), new CalendarDate(), new Text()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** Null for JSON {@code null} (the field left empty: its own check answers), else the whole number in range. */
    static BigInteger whole(JsonParser parser, BigInteger min, BigInteger max) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            BigInteger b = n.bigIntegerValue();
            if (b.compareTo(min) >= 0 && b.compareTo(max) <= 0) {
                return b;
            }
        }
        throw new JsonbException("not a whole number in range: " + value.getValueType());
    }

    /** A whole number within {@code Long}'s range. */
    public static final class WholeLong implements JsonbDeserializer<Long> {
        private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
        private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

        @Override
        public Long deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            BigInteger b = whole(parser, MIN, MAX);
            return b == null ? null : b.longValueExact();
        }
    }

    /** A whole number within {@code Integer}'s range. */
    public static final class WholeInteger implements JsonbDeserializer<Integer> {
        private static final BigInteger MIN = BigInteger.valueOf(Integer.MIN_VALUE);
        private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            BigInteger b = whole(parser, MIN, MAX);
            return b == null ? null : b.intValueExact();
        }
    }

    /**
     * A calendar date as {@code yyyy-MM-dd} with a four-digit year: {@code +999999999-12-31} is a valid ISO date that
     * no validity period or birth date means, and the database would keep it wrong.
     */
    public static final class CalendarDate implements JsonbDeserializer<LocalDate> {
        private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonString s && DATE.matcher(s.getString()).matches()) {
                try {
                    return LocalDate.parse(s.getString());
                } catch (DateTimeParseException e) {
                    throw new JsonbException("not a calendar date", e);
                }
            }
            throw new JsonbException("not a calendar date: " + value.getValueType());
        }
    }

    /** {@code true} or {@code false}, not a string or number that JSON-B would read as one. */
    public static final class StrictBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value == JsonValue.TRUE) {
                return Boolean.TRUE;
            }
            if (value == JsonValue.FALSE) {
                return Boolean.FALSE;
            }
            throw new JsonbException("not a truth value: " + value.getValueType());
        }
    }

    /** A JSON string, not a number, truth value, object or array that JSON-B would turn into one. */
    public static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonString text) {
                return text.getString();
            }
            throw new JsonbException("not a text: " + value.getValueType());
        }
    }
}
