package dev.prismaspring.schema.validate;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ReferentialAction;
import dev.prismaspring.schema.validate.Model.Fld;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Cyclic referential actions, checked with {@code relationMode = "prisma"} (emulated actions cannot handle cycles). */
final class ReferentialCycles extends ValidationPhase {

    ReferentialCycles(ValidationContext context) {
        super(context);
    }

    /** Cyclic referential actions; checked with relationMode = "prisma" (emulation cannot handle cycles). */
    void cycles(Fld start) {
        Set<Fld> visited = new HashSet<>();
        List<Object[]> next = new ArrayList<>();
        next.add(new Object[] {start, List.of(start)});
        Model parent = start.model;
        while (!next.isEmpty()) {
            Object[] item = next.remove(next.size() - 1);
            Fld rel = (Fld) item[0];
            @SuppressWarnings("unchecked")
            List<Fld> path = (List<Fld>) item[1];
            visited.add(rel);
            Model related = rel.target;
            if (onDelete(rel) != ReferentialAction.NoAction || onUpdate(rel) != ReferentialAction.NoAction) {
                if (rel.model == related) {
                    cascadeError(start, "A self-relation must have `onDelete` and `onUpdate` referential actions "
                            + "set to `NoAction` in one of the @relation attributes.");
                    return;
                }
                if (related == parent) {
                    cascadeError(start, "Reference causes a cycle. One of the @relation attributes in this cycle "
                            + "must have `onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle "
                            + "path: " + path.stream().map(f -> f.model.name() + "." + f.name())
                            .collect(Collectors.joining(" → ")) + ".");
                    return;
                }
                for (Fld f : related.relationFields()) {
                    if (f.relation != null && f.relation.a == f && f.relation.b != null
                            && f.relation.kind != Datamodel.RelationKind.MANY_TO_MANY && !visited.contains(f)) {
                        List<Fld> p2 = new ArrayList<>(path);
                        p2.add(f);
                        next.add(new Object[] {f, p2});
                    }
                }
            }
        }
    }

    private void cascadeError(Fld fwd, String msg) {
        ReferentialAction del = fwd.onDelete == null && onDelete(fwd) != ReferentialAction.NoAction
                ? onDelete(fwd) : null;
        ReferentialAction upd = fwd.onUpdate == null && onUpdate(fwd) != ReferentialAction.NoAction
                ? onUpdate(fwd) : null;
        if (del != null && upd != null) {
            msg += " (Implicit default `onDelete`: `" + del.name() + "`, and `onUpdate`: `" + upd.name() + "`)";
        } else if (del != null) {
            msg += " (Implicit default `onDelete`: `" + del.name() + "`)";
        } else if (upd != null) {
            msg += " (Implicit default `onUpdate`: `" + upd.name() + "`)";
        }
        msg += " Read more at https://pris.ly/d/cyclic-referential-actions";
        d.error("Error validating: " + msg, fwd.decl.span());
    }

    /** Default onDelete as Prisma resolves it: SetNull for optional relations, Restrict otherwise. */
    private ReferentialAction onDelete(Fld fwd) {
        if (fwd.onDelete != null) {
            return fwd.onDelete;
        }
        boolean optional = fwd.fields().stream().anyMatch(Fld::isOptional) || fwd.isOptional()
                && fwd.fields().isEmpty();
        if (optional) {
            return ReferentialAction.SetNull;
        }
        return ReferentialAction.Restrict;
    }

    private ReferentialAction onUpdate(Fld fwd) {
        return fwd.onUpdate != null ? fwd.onUpdate : ReferentialAction.Cascade;
    }
}
