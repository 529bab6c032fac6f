package org.triggerpoint.clinic.query;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * In production the command side migrates the tables it owns (event store, users, keys) and the query side only
 * reads them. Query-side tests run without the command side, so they apply the command side's own migrations first,
 * from its source folder: the tests always see exactly the shapes the command side creates.
 */
@TestConfiguration(proxyBeanMethods = false)
class CommandSideSchema {

    static final String MIGRATIONS = "filesystem:../command-side/src/main/resources/db/migration";

    @Bean
    FlywayMigrationStrategy commandSideFirst() {
        return querySide -> {
            Flyway.configure()
                    .dataSource(querySide.getConfiguration().getDataSource())
                    .schemas("command", "events", "identity", "privacy")
                    .defaultSchema("command")
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
            querySide.migrate();
        };
    }
}
