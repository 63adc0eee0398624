package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** The relation decode suite on Mysql. */
class MysqlRelationDecodeTest extends RelationDecodeSuite {
    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }
}
