package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** Query argument fuzzing on Mysql. */
class MysqlQueryFuzzTest extends QueryFuzzSuite {
    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }
}
