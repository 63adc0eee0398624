/**
 * The SQL schema stage: {@link dev.prismaspring.sql.SqlSchema}, an immutable description of a database schema
 * (tables, columns, keys, indexes, foreign keys, enums, namespaces), and {@link dev.prismaspring.sql.SqlDialect},
 * which renders it as DDL in the format of Prisma Migrate. One sub-package per dialect.
 */
package dev.prismaspring.sql;
