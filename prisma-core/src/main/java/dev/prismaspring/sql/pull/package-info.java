/**
 * {@code db pull}: renders an introspected {@link dev.prismaspring.sql.SqlSchema} as a Prisma schema, with
 * Prisma's naming rules for models, fields, relations and back relations.
 */
package dev.prismaspring.sql.pull;
