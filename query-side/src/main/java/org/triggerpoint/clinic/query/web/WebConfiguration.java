package org.triggerpoint.clinic.query.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.triggerpoint.clinic.query.projections.ViewAvailability;

/** The query string is checked first, so a malformed read never waits for a view. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final StrictQueryParameters strictQueryParameters;
    private final ViewAvailability viewAvailability;

    WebConfiguration(StrictQueryParameters strictQueryParameters, ViewAvailability viewAvailability) {
        this.strictQueryParameters = strictQueryParameters;
        this.viewAvailability = viewAvailability;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(strictQueryParameters).addPathPatterns("/api/**");
        registry.addInterceptor(viewAvailability).addPathPatterns("/api/**");
    }
}
