package org.triggerpoint.clinic.query.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI querySideApi() {
        return new OpenAPI()
                .info(new Info().title("Clinic records: views").version("1")
                        .description("""
                                Views built from the clinic's events. A request with header X-Consistency-Token (from \
                                a command's answer) answers only once the view includes that command, or 503 after a \
                                bounded wait (5 s by default). While a view is rebuilt from the events it answers 503 \
                                saying so. A rebuild needs this query-side node alone: while other nodes share the \
                                views it answers 409 and changes nothing. Errors are application/problem+json."""))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
