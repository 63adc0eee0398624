package dev.prismaspring.schema.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InflectorTest {

    @Test
    void camelCasesModelNamesAsCruetDoes() {
        assertThat(Inflector.camelCase("PostableEntity")).isEqualTo("postableEntity");
        assertThat(Inflector.camelCase("Post2")).isEqualTo("post2");
        assertThat(Inflector.camelCase("user_profile")).isEqualTo("userProfile");
        assertThat(Inflector.camelCase("HTTPRequest")).isEqualTo("httprequest");
    }

    @Test
    void pluralisesWithCruetsRules() {
        assertThat(Inflector.plural("post2")).isEqualTo("post2s");
        assertThat(Inflector.plural("category")).isEqualTo("categories");
        assertThat(Inflector.plural("status")).isEqualTo("statuses");
        assertThat(Inflector.plural("person")).isEqualTo("people");
        assertThat(Inflector.plural("news")).isEqualTo("news");
        assertThat(Inflector.plural("address")).isEqualTo("addresses");
        assertThat(Inflector.plural("leaf")).isEqualTo("leaves");
        assertThat(Inflector.plural("key")).isEqualTo("keys");
    }
}
