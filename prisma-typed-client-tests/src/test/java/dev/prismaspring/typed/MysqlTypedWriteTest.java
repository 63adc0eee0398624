package dev.prismaspring.typed;

import dev.prismaspring.testdb.DbKind;

/** The typed write suite on Mysql. */
class MysqlTypedWriteTest extends TypedWriteSuite {
    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }
}
