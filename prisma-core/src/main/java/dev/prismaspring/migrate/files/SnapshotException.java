package dev.prismaspring.migrate.files;

/** A migration's {@code schema.prisma} snapshot is missing or invalid, so the changes since it cannot be computed. */
public final class SnapshotException extends RuntimeException {

    public SnapshotException(String message) {
        super(message);
    }
}
