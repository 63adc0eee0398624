package dev.prismaspring.client;

import dev.prismaspring.testdb.DbKind;

/** The runtime suite on MariaDB / MySQL. */
class MysqlRuntimeTest extends RuntimeSuite {
    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }

    @Override
    String isolationQuery() {
        return "SELECT @@tx_isolation";
    }

    @Override
    String serializableAnswer() {
        return "SERIALIZABLE";
    }

    @Override
    String sleepSql() {
        return "SELECT SLEEP(5)";
    }

    @Override
    String typedTableDdl() {
        return "CREATE TABLE `Typed` (`i` INTEGER, `b` BIGINT, `d` DECIMAL(65,30), `f` DOUBLE, `t` BOOLEAN, "
                + "`s` VARCHAR(191), `dt` DATETIME(3), `j` JSON, `by` LONGBLOB)";
    }
}
