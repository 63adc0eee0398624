/**
 * Spring Boot auto-configuration for Prisma for Spring Boot: the schema and its {@code Datamodel}, the
 * {@code PrismaClient} bean on the application's {@code DataSource}, and migrations at startup.
 */
@NullMarked
package dev.prismaspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
