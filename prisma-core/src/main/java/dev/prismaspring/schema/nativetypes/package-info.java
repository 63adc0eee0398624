/**
 * Native types ({@code @db.*}) and the provider-dependent key and index rules of the schema stage, ported from
 * Prisma's engines: {@link dev.prismaspring.schema.nativetypes.NativeTypeCatalog} (what each connector offers and
 * the defaults), {@link dev.prismaspring.schema.nativetypes.NativeTypeValidator} (one {@code @db.*} attribute),
 * {@link dev.prismaspring.schema.nativetypes.IndexRules} (operator classes, index types, MySQL key prefixes,
 * length and clustering support) and {@link dev.prismaspring.schema.nativetypes.PostgresExtensions} (the
 * {@code extensions} datasource property).
 *
 * <p>These classes take only syntax-tree values, plain strings and records, and report into
 * {@link dev.prismaspring.psl.Diagnostics}; the main validator calls them while it resolves the datamodel.
 */
package dev.prismaspring.schema.nativetypes;
