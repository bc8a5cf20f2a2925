// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.nanomessenger.ejb.logging.EjbLogger;

/**
 * Brings the database schema to the version this release needs before anything else runs, with the
 * versioned migrations in {@code db/migration/<vendor>}. Existing data is upgraded, never dropped.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    @Resource(lookup = "java:jboss/datasources/NanoDS")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        String vendor = vendor();
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .failOnMissingLocations(true)
                .load()
                .migrate();

        EjbLogger.LOG.schemaMigrated(result.migrationsExecuted, result.targetSchemaVersion, vendor);
    }

    /** The migration folder for the database behind NanoDS: {@code h2} or {@code postgresql}. */
    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            throw EjbLogger.LOG.unsupportedDatabase(product);
        } catch (SQLException e) {
            throw EjbLogger.LOG.databaseUnreachable(e);
        }
    }
}
