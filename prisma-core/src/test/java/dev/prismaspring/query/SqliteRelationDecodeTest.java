package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** The relation decode suite on Sqlite. */
class SqliteRelationDecodeTest extends RelationDecodeSuite {
    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }
}
