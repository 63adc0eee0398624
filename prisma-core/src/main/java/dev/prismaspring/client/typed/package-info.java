/**
 * Runtime support of the generated, type-safe client: the base of generated argument objects ({@link
 * dev.prismaspring.client.typed.PrismaInput}), the shared scalar, relation and list filters, nested-write inputs,
 * update operations and the conversion of results into generated records. Generated code compiles to the same
 * argument tree the dynamic {@link dev.prismaspring.client.ModelDelegate} takes; nothing here runs SQL.
 */
package dev.prismaspring.client.typed;
