package cn.etax.identity.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Every run starts on an empty database: Flyway in the application builds the schema, demo data the persons. */
final class TestDatabase {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private TestDatabase() {
    }

    static void recreate(ItSettings.Database db) {
        if (!SAFE_NAME.matcher(db.name()).matches()) {
            throw new IllegalArgumentException("refusing an unusual test database name: " + db.name());
        }
        try (Connection c = DriverManager.getConnection(db.maintenanceUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            // FORCE: a server left over from an aborted run may still hold connections
            s.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db.name() + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate test database " + db.name() + " on " + db.host() + ":"
                    + db.port() + " as " + db.user() + " (is PostgreSQL running and the role allowed to create"
                    + " databases? .ci/run sets both up): " + e.getMessage(), e);
        }
    }
}
