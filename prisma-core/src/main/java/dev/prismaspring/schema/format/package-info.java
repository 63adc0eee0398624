/**
 * The relation completion that {@code prisma format} performs before formatting: a small,
 * self-contained relation analysis on the syntax tree (not the validator's).
 */
package dev.prismaspring.schema.format;
