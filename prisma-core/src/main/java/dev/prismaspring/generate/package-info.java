/**
 * Generates the type-safe Java client from a {@link dev.prismaspring.schema.Datamodel}: one record per model, one
 * enum per enum, typed argument inputs mirroring Prisma Client's input types, a delegate per model and a
 * {@code Prisma} entry class. Depends only on {@code schema}; the generated code uses
 * {@code dev.prismaspring.client} at run time.
 */
package dev.prismaspring.generate;
