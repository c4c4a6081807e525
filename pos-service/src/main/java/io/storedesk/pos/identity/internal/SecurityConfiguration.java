package io.storedesk.pos.identity.internal;

import io.storedesk.pos.identity.RegisterTokens;
import io.storedesk.pos.identity.Role;
import io.storedesk.pos.identity.StoreKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: the API (stateless; HTTP Basic for people and scripts, bearer tokens for
 * registers; problem+json on 401/403) and the pages (form login with a session and CSRF).
 * Who may call what is decided here, in one table; README mirrors it. Passwords are checked by
 * {@link LoginAttempts}, the one authentication provider (case-insensitive names, lockouts).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CLERK = Role.CLERK.name();
    private static final String MANAGER = Role.MANAGER.name();
    private static final String HEAD_OFFICE = Role.HEAD_OFFICE.name();
    private static final String ADMIN = Role.ADMIN.name();
    /** A store signed in with its key at head office ({@link StoreKeys}); never a user's role. */
    private static final String STORE = StoreKeys.AUTHORITY.substring("ROLE_".length());

    /**
     * No Spring Security observations. Observed, each filter of the chain is wrapped as its own observation,
     * with counters and long-task timers per request: about a tenth of a sale's CPU and 5 % of a head-office
     * batch's (docs/scaling.md). With this setting the chain is not even wrapped, which the property
     * {@code management.observations.enable.spring.security=false} did not do (it made each observation a
     * no-op but kept the wrapping). Request metrics ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, RegisterTokens tokens, ProblemSecurityHandlers problems,
            ObjectProvider<StoreKeys> storeKeys) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint(problems).realmName("store-service-desk"))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new StoreKeyFilter(storeKeys, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/items", "/api/v1/items/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/journal/**").hasAnyRole(MANAGER, HEAD_OFFICE, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**").hasAnyRole(MANAGER, HEAD_OFFICE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports/z/*/print").hasRole(MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/sales/*/emails").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/sales", "/api/v1/sales/**").hasAnyRole(CLERK, MANAGER, HEAD_OFFICE)
                        .requestMatchers("/api/v1/sales/**", "/api/v1/sales").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/drawers/*/x-report").hasRole(MANAGER)
                        .requestMatchers("/api/v1/drawers/*/x-report/**").hasRole(MANAGER)
                        .requestMatchers("/api/v1/drawers/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers("/api/v1/business-days/**").hasRole(MANAGER)
                        .requestMatchers("/api/v1/returns", "/api/v1/returns/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers("/api/v1/baskets", "/api/v1/baskets/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers("/api/v1/registers/*/display").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers("/api/v1/exchanges", "/api/v1/store-credits/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/loyalty/**").hasAnyRole(CLERK, MANAGER, HEAD_OFFICE)
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/stock/**").hasAnyRole(CLERK, MANAGER, HEAD_OFFICE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/stock/receipts").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers("/api/v1/stock/**").hasRole(MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/customers/*/export").hasRole(MANAGER)
                        .requestMatchers("/api/v1/customers/*/erase").hasRole(MANAGER)
                        .requestMatchers("/api/v1/customers", "/api/v1/customers/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases/figures").hasAnyRole(CLERK, MANAGER, HEAD_OFFICE)
                        .requestMatchers("/api/v1/cases", "/api/v1/cases/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/complaints/figures").hasAnyRole(CLERK, MANAGER, HEAD_OFFICE)
                        .requestMatchers("/api/v1/complaints", "/api/v1/complaints/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers("/api/v1/special-orders", "/api/v1/special-orders/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/promotions").hasAnyRole(CLERK, MANAGER, HEAD_OFFICE, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/training/**").hasAnyRole(MANAGER, ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/training/**").hasAnyRole(MANAGER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/gift-cards/*").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/sync/status").hasAnyRole(CLERK, MANAGER, HEAD_OFFICE, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/sync/run").hasAnyRole(MANAGER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/ho/v1/stores/*/events").hasRole(STORE)
                        .requestMatchers(HttpMethod.GET, "/api/ho/v1/promotions", "/api/ho/v1/loyalty/**",
                                "/api/ho/v1/catalog/**").hasAnyRole(STORE, HEAD_OFFICE)
                        .requestMatchers(HttpMethod.PUT, "/api/ho/v1/promotions").hasRole(HEAD_OFFICE)
                        .requestMatchers(HttpMethod.GET, "/api/ho/v1/stock/*").hasAnyRole(STORE, HEAD_OFFICE)
                        .requestMatchers(HttpMethod.POST, "/api/ho/v1/gift-cards/*/operations").hasRole(STORE)
                        .requestMatchers(HttpMethod.GET, "/api/ho/v1/gift-cards/*").hasAnyRole(STORE, HEAD_OFFICE)
                        .requestMatchers(HttpMethod.GET, "/api/ho/v1/reports/**").hasRole(HEAD_OFFICE)
                        .requestMatchers("/api/ho/v1/stores/*/keys", "/api/ho/v1/stores/*/keys/*").hasAnyRole(HEAD_OFFICE, ADMIN)
                        .requestMatchers("/api/ho/**").hasRole(HEAD_OFFICE)
                        .anyRequest().hasAnyRole(CLERK, MANAGER, HEAD_OFFICE, ADMIN));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/drawer/x-report", "/day").hasRole(MANAGER)
                        .requestMatchers("/sale", "/returns", "/returns/**", "/drawer", "/display/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers("/stock/report").hasRole(MANAGER)
                        .requestMatchers("/stock", "/stock/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers("/customers", "/customers/**", "/cases", "/cases/**").hasAnyRole(CLERK, MANAGER)
                        .requestMatchers("/office/items", "/office/items/**", "/office/prices/**", "/office/stock",
                                "/office/gift-cards").hasRole(HEAD_OFFICE)
                        .requestMatchers("/office", "/office/**").hasAnyRole(MANAGER, HEAD_OFFICE)
                        .anyRequest().authenticated())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .httpBasic(b -> b.authenticationEntryPoint(problems));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
