package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** One HTTP answer as a client sees it: status, headers, body, and the JSON in it when there is some. */
public record Reply(int status, HttpHeaders headers, String body) {

    public JsonValue jsonValue() {
        if (body == null || body.isBlank()) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    public JsonObject json() {
        return jsonValue().asJsonObject();
    }

    public JsonArray jsonArray() {
        return jsonValue().asJsonArray();
    }

    /** A string member of the JSON object, or null when absent. */
    public String string(String name) {
        JsonObject o = json();
        return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
    }

    /** The error code of a {@code {code, message}} answer. */
    public String code() {
        return string("code");
    }

    /** The user-visible message of a {@code {code, message}} answer. */
    public String message() {
        return string("message");
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
