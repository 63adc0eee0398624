package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** The write suite on Mysql. */
class MysqlWriteTest extends WriteSuite {
    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }
}
