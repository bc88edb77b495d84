package cn.etax.identity.taxpayer.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The province-level divisions of GB/T 2260 (provinces.properties beside this package's resources): two-digit code
 * and official name. A Region names one of them, with that name.
 */
public final class Provinces {

    private static final Map<String, String> NAMES = load();

    private Provinces() {
    }

    /** The official name of the province with this two-digit code, if it is one. */
    public static Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : NAMES.get(code));
    }

    /** The code of the province with this official name, if it is one. */
    public static Optional<String> code(String name) {
        return NAMES.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
    }

    /** Every province, code to name, in code order. */
    public static Map<String, String> all() {
        return NAMES;
    }

    private static Map<String, String> load() {
        try (InputStream in = Provinces.class.getResourceAsStream("/cn/etax/identity/taxpayer/provinces.properties")) {
            if (in == null) {
                throw new IllegalStateException("provinces.properties missing");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> names = new TreeMap<>();
            p.stringPropertyNames().forEach(code -> names.put(code, p.getProperty(code)));
            return Collections.unmodifiableMap(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
