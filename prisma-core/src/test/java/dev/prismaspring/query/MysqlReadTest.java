package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** The read suite on Mysql. */
class MysqlReadTest extends ReadSuite {
    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }
}
