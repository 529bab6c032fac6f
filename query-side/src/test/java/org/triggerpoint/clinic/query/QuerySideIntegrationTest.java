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
 * owns created by the command side's own migrations ({@link CommandSideSchema}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ThrowAwayDatabase.class)
@Import({CommandSideSchema.class, WritingKeyring.class})
public @interface QuerySideIntegrationTest {
}
