/**
 * The validation rules behind {@link dev.prismaspring.schema.SchemaValidator}, ported from Prisma's
 * {@code parser-database} and {@code psl-core} crates: name resolution, type resolution, attribute
 * resolution, relation inference, configuration checks and the validation pipeline, each emitting
 * Prisma's messages in Prisma's order.
 */
package dev.prismaspring.schema.validate;
