package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel.ScalarField;
import java.util.LinkedHashMap;
import java.util.Map;

/** Key and known column values of one record being written, by field. */
final class WriteRow extends LinkedHashMap<ScalarField, TypedValue> {

    WriteRow() {
    }

    WriteRow(Map<ScalarField, TypedValue> values) {
        super(values);
    }
}
