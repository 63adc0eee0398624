package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** The relation decode suite on Postgres. */
class PostgresRelationDecodeTest extends RelationDecodeSuite {
    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }
}
