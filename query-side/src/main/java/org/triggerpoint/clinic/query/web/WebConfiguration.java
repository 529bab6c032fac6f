package org.triggerpoint.clinic.query.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.triggerpoint.clinic.query.projections.ViewAvailability;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ViewAvailability viewAvailability;

    WebConfiguration(ViewAvailability viewAvailability) {
        this.viewAvailability = viewAvailability;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(viewAvailability).addPathPatterns("/api/**");
    }
}
