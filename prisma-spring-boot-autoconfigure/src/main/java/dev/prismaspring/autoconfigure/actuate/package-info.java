/**
 * Operations: the {@code /actuator/prisma} endpoint, the {@code prisma} health indicator, gauges and client
 * observations, over the drift detection of {@code dev.prismaspring.migrate}.
 */
package dev.prismaspring.autoconfigure.actuate;
