package io.storedesk.pos.common.internal;

import java.lang.annotation.ElementType;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation of request bodies walks every property. With JPA on the class path Hibernate
 * Validator asks JPA, for each property of each request, whether it is loaded (it guards lazy
 * entity associations); request bodies are records, never entities, so that question is never
 * needed and cost a few per cent of a sale's CPU. Everything is reachable and cascadable here.
 */
@Configuration(proxyBeanMethods = false)
class RequestValidationConfiguration {

    @Bean
    ValidationConfigurationCustomizer requestBodiesAreNoEntities() {
        return configuration -> configuration.traversableResolver(new TraversableResolver() {
            @Override
            public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean,
                    ElementType elementType) {
                return true;
            }

            @Override
            public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean,
                    ElementType elementType) {
                return true;
            }
        });
    }
}
