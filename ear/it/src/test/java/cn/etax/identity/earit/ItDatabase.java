package cn.etax.identity.earit;

/**
 * The PostgreSQL database of this stage: {@code ear.it.db.*} properties or {@code IT_DB_*} variables (as the WAR's
 * integration tests), name {@code etax_ear_it} unless told, so both stages may run side by side.
 */
record ItDatabase(String host, int port, String name, String user, String password) {

    /** The id of a demo person who cannot simply log in by REST (李四 must sign the agreements first). */
    long personIdByName(String personName) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port
                + "/" + name, user, password);
             java.sql.PreparedStatement s = c.prepareStatement("select id from person where name = ?")) {
            s.setString(1, personName);
            try (java.sql.ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no person named " + personName + " in " + name);
                }
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static ItDatabase fromEnvironment() {
        return new ItDatabase(setting("ear.it.db.host", "IT_DB_HOST", "127.0.0.1"),
                Integer.parseInt(setting("ear.it.db.port", "IT_DB_PORT", "5432")),
                setting("ear.it.db.name", "EAR_IT_DB_NAME", "etax_ear_it"),
                setting("ear.it.db.user", "IT_DB_USER", "etax"),
                setting("ear.it.db.password", "IT_DB_PASSWORD", "etax"));
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
