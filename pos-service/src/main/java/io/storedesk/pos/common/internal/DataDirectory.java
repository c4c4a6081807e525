package io.storedesk.pos.common.internal;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code pos.data-dir} to an absolute path once, as {@code pos.data-path}, so the
 * H2 URL, logs and spool files work whatever form the operator wrote ("data", "./data",
 * "/var/lib/pos"); H2 refuses paths that are only implicitly relative.
 */
class DataDirectory implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty("pos.data-dir", "./data");
        String absolute = Path.of(dir).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("pos-data-path", Map.of("pos.data-path", absolute)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
