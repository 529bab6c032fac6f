package org.triggerpoint.clinic.command.http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.triggerpoint.clinic.localpostgres.ThrowAwayDatabase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command side over HTTP on a random port, against a PostgreSQL database of its own (dropped when the
 * context closes). All such test classes share one context and so one database: each makes its own users and records.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // No anchor on the minute: a test that anchors the log itself would otherwise find, now and then, that the
        // schedule anchored its events a moment before it did.
        properties = {"clinic.admin-password=" + ClinicHttp.ADMIN_PASSWORD, "clinic.audit.anchor-schedule=-"})
@ContextConfiguration(initializers = ThrowAwayDatabase.class)
public @interface CommandSideIntegrationTest {
}
