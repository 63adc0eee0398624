package dev.prismaspring.typed;

import dev.prismaspring.testdb.DbKind;

/** The typed read suite on Mysql. */
class MysqlTypedReadTest extends TypedReadSuite {
    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }
}
