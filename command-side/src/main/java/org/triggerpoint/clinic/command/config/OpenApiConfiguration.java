package org.triggerpoint.clinic.command.config;

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
    OpenAPI commandSideApi() {
        return new OpenAPI()
                .info(new Info().title("Clinic records: commands").version("1")
                        .description("""
                                Records trigger point therapy sessions as events. Creations answer 201 with Location \
                                and the new id; other commands 204. Every success carries X-Consistency-Token, which \
                                the query side accepts to answer only once its views include the command. Errors are \
                                application/problem+json: 400 naming each bad field (errors list), 401, 403, 404 unknown \
                                id, 409 naming the broken rule (property 'rule'), 413, 415, 503 database unreachable. \
                                A rejected command stores nothing."""))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
