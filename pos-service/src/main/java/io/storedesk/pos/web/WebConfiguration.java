package io.storedesk.pos.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.storedesk.pos.common.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language: English, Latvian, Czech or Russian, picked with {@code ?lang=xx} and
 * remembered in a cookie; the store's locale ({@code pos.store.locale}) until someone picks.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** The languages the pages are translated into, in the picker's order. */
    static final List<String> LANGUAGES = List.of("en", "lv", "cs", "ru");

    @Bean
    LocaleResolver localeResolver(StoreProperties store) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("pos-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocale(supported(store.locale()));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                return LANGUAGES.contains(value) ? Locale.forLanguageTag(value) : null;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }

    /** The store's locale if the pages speak its language, else English; keeps the country for formats. */
    static Locale supported(Locale locale) {
        return LANGUAGES.contains(locale.getLanguage()) ? locale : Locale.ENGLISH;
    }
}
