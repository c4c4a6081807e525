package io.storedesk.pos.payment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;

/**
 * Turns the Q2 descriptor templates under {@code config/jpos/deploy} into the deploy directory
 * Q2 runs from. Placeholders ({@code ${name}} or {@code ${name:default}}) are resolved with
 * Spring's own rules, so a setting given on the command line or in the environment reaches jPOS
 * exactly as it reaches Spring, and no JVM-wide system property is set. A few values are
 * computed first ({@code overrides}: the simulator's actual port, durations in milliseconds,
 * the instance suffix); every value is XML-escaped. An unresolvable placeholder stops the start.
 */
final class DeployDescriptors {

    private DeployDescriptors() {
    }

    /** Empties {@code deployDir}, then writes each template into it resolved. */
    static List<Path> write(Path templates, Path deployDir, PropertyResolver config, Map<String, Object> overrides) {
        PropertyResolver resolver = resolver(config, overrides);
        try {
            Files.createDirectories(deployDir);
            try (Stream<Path> old = Files.list(deployDir)) {
                for (Path file : old.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
            List<Path> sources;
            try (Stream<Path> files = Files.list(templates)) {
                sources = files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList();
            }
            if (sources.isEmpty()) {
                throw new IllegalStateException("no Q2 descriptor templates (*.xml) in " + templates);
            }
            for (Path source : sources) {
                String text = Files.readString(source, StandardCharsets.UTF_8);
                Files.writeString(deployDir.resolve(source.getFileName()), resolver.resolveRequiredPlaceholders(text),
                        StandardCharsets.UTF_8);
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Q2 deploy directory " + deployDir, e);
        }
    }

    private static PropertyResolver resolver(PropertyResolver config, Map<String, Object> overrides) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("q2-computed", overrides));
        sources.addLast(new PropertySource<>("spring", config) {
            @Override
            public Object getProperty(String name) {
                return config.getProperty(name);
            }
        });
        PropertySourcesPropertyResolver spring = new PropertySourcesPropertyResolver(sources);
        return new EscapingResolver(spring);
    }

    static String xmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    /** Resolves placeholders and XML-escapes what it substitutes. */
    private static final class EscapingResolver extends PropertySourcesPropertyResolver {

        private final PropertyResolver delegate;

        EscapingResolver(PropertyResolver delegate) {
            super(new MutablePropertySources());
            this.delegate = delegate;
        }

        @Override
        protected String getPropertyAsRawString(String key) {
            String value = delegate.getProperty(key);
            return value == null ? null : xmlEscape(value);
        }
    }
}
