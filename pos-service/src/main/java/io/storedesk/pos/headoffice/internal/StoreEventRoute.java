package io.storedesk.pos.headoffice.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The route of {@code POST /api/ho/v1/stores/{storeId}/events}, looked up before all others (issue 25). A path
 * with a variable has no direct lookup in Spring MVC: each request is matched against every mapping of the
 * service, through the security layer's request wrappers, 6-9 % of a 10-sale batch's CPU (docs/scaling.md). This
 * is Spring MVC's own {@link RequestMappingHandlerMapping} holding only {@link StoreEventController}, ordered
 * first: the same matching, argument resolution, exception handlers and route name in the request metrics, over
 * one mapping. Neither of the service's interceptors (page language, training) applies to {@code /api/ho/**}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("head-office")
class StoreEventRoute {

    @Bean
    RequestMappingHandlerMapping storeEventHandlerMapping(
            @Qualifier("mvcContentNegotiationManager") ContentNegotiationManager negotiation) {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return beanType == StoreEventController.class;
            }
        };
        mapping.setOrder(Integer.MIN_VALUE);
        mapping.setContentNegotiationManager(negotiation);
        return mapping;
    }
}
