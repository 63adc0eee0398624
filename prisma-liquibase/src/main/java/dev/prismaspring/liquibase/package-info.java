/**
 * Runs a Prisma migrations folder ({@code <id>/migration.sql}, Liquibase formatted SQL) through Liquibase, the same
 * way for the CLI and for an application at startup: status, deploy, failure records, resolve and rollback.
 * {@code prisma-core} stays free of Liquibase; this module is where it comes in.
 */
package dev.prismaspring.liquibase;
