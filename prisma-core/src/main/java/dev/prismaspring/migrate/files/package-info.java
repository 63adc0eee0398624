/**
 * Migration files: the {@code migrations/<timestamp>_<name>/} folders ({@link
 * dev.prismaspring.migrate.files.MigrationDirectory}), their Liquibase formatted SQL ({@link
 * dev.prismaspring.migrate.files.MigrationSqlWriter}), the first migration's SQL and rollback ({@link
 * dev.prismaspring.migrate.files.InitialMigration}), and the history Liquibase keeps in {@code DATABASECHANGELOG}
 * ({@link dev.prismaspring.migrate.files.MigrationHistory}). No Liquibase dependency: Liquibase runs the files in the
 * CLI and the Spring Boot starter.
 */
package dev.prismaspring.migrate.files;
