package dev.prismaspring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.FreshDatabase;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabaseExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Native types ({@code @db.*}) and literal defaults of every kind: rendered as Prisma does, and they apply. */
@ExtendWith(TestDatabaseExtension.class)
class NativeTypesDdlTest {

    private static Datamodel schema(String file) {
        return DdlCorpus.validate(TestSchemas.read(Path.of("src/test/resources/schemas", file)), file).datamodel();
    }

    @Test
    void postgres(@FreshDatabase(DbKind.POSTGRES) TestDatabase db) throws Exception {
        String ddl = SqlSchemaCalculator.renderCreate(schema("native-types-postgres.prisma"));
        assertThat(ddl).contains("\"id\" SERIAL NOT NULL,", "\"b\" OID NOT NULL,", "\"c\" BIGSERIAL NOT NULL,",
                "\"d\" DECIMAL(10,2) NOT NULL,", "\"e\" MONEY NOT NULL,", "\"k\" BIT(4) NOT NULL,",
                "\"l\" VARBIT(8) NOT NULL,", "\"o\" BYTEA NOT NULL DEFAULT '\\x68656c6c6f',",
                "\"p\" TIMESTAMPTZ(6) NOT NULL,", "\"s\" TIMETZ NOT NULL,",
                "\"t\" JSON NOT NULL DEFAULT '{\"a\":[1,2]}',", "\"u\" TEXT[] DEFAULT ARRAY['x', 'y']::TEXT[],",
                "\"w\" TIMESTAMP(3) NOT NULL DEFAULT '2020-01-02 03:04:05.123 +00:00',",
                "\"y\" DECIMAL(65,30) NOT NULL DEFAULT 2.50,", "\"z\" TIMESTAMP NOT NULL,");
        db.execute(ddl);
        assertThat(db.catalog()).contains("column public.\"T\".w: timestamp(3) without time zone NOT NULL "
                + "DEFAULT '2020-01-02 03:04:05.123'::timestamp without time zone");
    }

    @Test
    void mysql(@FreshDatabase(DbKind.MYSQL) TestDatabase db) throws Exception {
        String ddl = SqlSchemaCalculator.renderCreate(schema("native-types-mysql.prisma"));
        assertThat(ddl).contains("`a` INTEGER UNSIGNED NOT NULL,", "`d` TINYINT NOT NULL,", "`d2` BOOLEAN NOT NULL,",
                "`i` DECIMAL(10, 2) NOT NULL,", "`k` BIT(1) NOT NULL,", "`m` BINARY(16) NOT NULL,",
                "`x` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),", "`y` YEAR NOT NULL,",
                "`z` JSON NOT NULL,", "`bb` LONGBLOB NOT NULL,", "`cc` DECIMAL(65, 30) NOT NULL,");
        db.execute(ddl);
        assertThat(db.catalog()).contains("column `T`.`h`: bigint(20) unsigned NOT NULL");
    }
}
