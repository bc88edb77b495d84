package cn.etax.identity.shared.application;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import java.io.Reader;

/**
 * JSON-P builders from one provider looked up once. {@code jakarta.json.Json.create…} looks the provider up through
 * the service loader on every call — a walk over the application's jars under a lock — which, measured under 100
 * concurrent identity switches, blocked request threads in {@code ZipFile.getEntry} for every assertion built.
 */
public final class JsonBuilders {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader reader(Reader in) {
        return PROVIDER.createReader(in);
    }
}
