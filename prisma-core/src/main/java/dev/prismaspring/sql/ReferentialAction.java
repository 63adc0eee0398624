package dev.prismaspring.sql;

/** {@code ON DELETE} / {@code ON UPDATE} actions of a foreign key. */
public enum ReferentialAction {
    NO_ACTION("NO ACTION"),
    RESTRICT("RESTRICT"),
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The action as SQL. */
    public String sql() {
        return sql;
    }
}
