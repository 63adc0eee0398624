/**
 * The syntax tree of a Prisma schema. It keeps everything the source says, comments, blank lines
 * and unparseable lines included, so that the formatter can work on it; later stages use the
 * resolved {@code Datamodel} instead.
 */
package dev.prismaspring.psl.ast;
