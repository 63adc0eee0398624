/**
 * The schema stage: validates the syntax tree against Prisma's rules and resolves it into an
 * immutable {@link dev.prismaspring.schema.Datamodel}. Also home of the formatter that completes
 * missing relation fields, since that needs resolved relations.
 */
package dev.prismaspring.schema;
