package dev.prismaspring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.FreshDatabase;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabaseExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Prisma's default names at the identifier limit, and a self-relation's join table. */
@ExtendWith(TestDatabaseExtension.class)
class ConstraintNamesTest {

    private static final String LONG = "a_table_name_that_is_quite_long_indeed_and_then_some_more_x"; // 59 chars

    @Test
    void defaultNamesAreCutBeforeTheSuffix() {
        assertThat(LONG).hasSize(59);
        assertThat(ConstraintNames.primaryKey(LONG, 63)).isEqualTo(LONG.substring(0, 58) + "_pkey").hasSize(63);
        assertThat(ConstraintNames.unique(LONG, List.of("col"), 63)).isEqualTo(LONG.substring(0, 59) + "_key");
        assertThat(ConstraintNames.index("T", List.of("a", "b"), 63)).isEqualTo("T_a_b_idx");
        assertThat(ConstraintNames.foreignKey(LONG, List.of("c"), 64)).isEqualTo(LONG + "_fkey").hasSize(64);
        // bytes, not characters, and never inside a character
        assertThat(ConstraintNames.unique("é".repeat(40), List.of("x"), 63)).isEqualTo("é".repeat(29) + "_key");
        assertThat(ConstraintNames.unique("T", List.of("a"), Integer.MAX_VALUE)).isEqualTo("T_a_key");
    }

    @Test
    void longNamesAndSelfRelationsApplyOnPostgres(@FreshDatabase(DbKind.POSTGRES) TestDatabase db) throws Exception {
        String schema = """
                datasource db {
                  provider = "postgresql"
                }

                model %s {
                  id        Int    @id
                  someVeryLongColumnName String @unique
                  followers %s[] @relation("a_relation_name_long_enough_to_reach_the_postgres_limit_of_63")
                  following %s[] @relation("a_relation_name_long_enough_to_reach_the_postgres_limit_of_63")
                }
                """.formatted(LONG, LONG, LONG);
        String ddl = SqlSchemaCalculator.renderCreate(DdlCorpus.validate(schema, "long names").datamodel());
        String join = "_a_relation_name_long_enough_to_reach_the_postgres_limit_of_63";
        assertThat(ddl).contains("CONSTRAINT \"" + LONG.substring(0, 58) + "_pkey\"",
                "CREATE UNIQUE INDEX \"" + LONG + "_key\" ON", // "<table>_<column>" cut to 59 bytes
                "CONSTRAINT \"" + join.substring(0, 55) + "_AB_pkey\"",
                "CREATE INDEX \"" + join.substring(0, 55) + "_B_index\"",
                "ADD CONSTRAINT \"" + join.substring(0, 56) + "_A_fkey\"",
                "ADD CONSTRAINT \"" + join.substring(0, 56) + "_B_fkey\"");
        db.execute(ddl);
    }
}
