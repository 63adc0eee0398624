package dev.prismaspring.client.typed;

/**
 * The result of {@code createMany}, {@code updateMany} and {@code deleteMany}.
 *
 * @param count how many records the operation wrote
 */
public record BatchPayload(long count) {
}
