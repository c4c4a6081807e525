package io.storedesk.pos.support;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Which database engine the Spring test contexts of this test JVM run on: the embedded H2 file
 * database of the shipped configuration, or - with {@code -Dpos.test.database=postgresql}, as the
 * build's {@code postgresql} Surefire execution sets it - a fresh database on the embedded
 * PostgreSQL of {@link Postgres} for every context. Tests that choose their own database (head
 * office on PostgreSQL) keep it.
 */
public final class TestDatabase implements ContextCustomizerFactory {

    /** The system property that names the engine: {@code h2} (default) or {@code postgresql}. */
    public static final String PROPERTY = "pos.test.database";

    /** Whether this test JVM runs its service contexts on PostgreSQL. */
    public static boolean postgres() {
        return "postgresql".equals(System.getProperty(PROPERTY, "h2"));
    }

    /** The settings that put a service (a Spring context or a process) on a new PostgreSQL database. */
    public static Map<String, Object> postgresSettings(String name) {
        return Map.of("spring.datasource.url", Postgres.newDatabase(name), "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    /** Every row of every table of the current PostgreSQL schema, as text: what its files hold, for searches. */
    public static String everyRow(JdbcClient jdbc) {
        StringBuilder rows = new StringBuilder();
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE'").query(String.class).list()) {
            jdbc.sql("SELECT t::text FROM \"" + table + "\" t").query(String.class).list()
                    .forEach(row -> rows.append(row).append('\n'));
        }
        return rows.toString();
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return postgres() ? new OnPostgres() : null;
    }

    /** Equal for every context, so it never splits Spring's context cache. */
    private static final class OnPostgres implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            PropertySource<?> inlined = context.getEnvironment().getPropertySources().get("Inlined Test Properties");
            if (inlined != null && inlined.containsProperty("spring.datasource.url")) {
                return;
            }
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("test database", postgresSettings("store")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OnPostgres;
        }

        @Override
        public int hashCode() {
            return OnPostgres.class.hashCode();
        }
    }
}
