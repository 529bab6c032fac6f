package org.triggerpoint.clinic.query;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.triggerpoint.clinic.localpostgres.ThrowAwayDatabase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query side over HTTP on a random port, on a PostgreSQL database of its own, with the tables the command side
 * would have created (event store, users) made from a test migration of the same shape.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.flyway.locations=classpath:db/migration,classpath:db/command-side-contract")
@ContextConfiguration(initializers = ThrowAwayDatabase.class)
@Import(WritingKeyring.class)
public @interface QuerySideIntegrationTest {
}
