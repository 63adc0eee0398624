package dev.prismaspring.schema.validate;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Relation;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** Pairs relation fields into relations (Prisma's relation inference) and names them. */
final class RelationInference extends ValidationPhase {

    RelationInference(ValidationContext context) {
        super(context);
    }

    void run() {
        Set<Fld> ingested = new HashSet<>();
        for (Model model : context.models) {
            for (Fld rf : model.relationFields()) {
                if (ingested.contains(rf) || rf.target == null) {
                    continue;
                }
                Fld opp = null;
                for (Fld candidate : rf.target.relationFields()) {
                    if (candidate != rf && candidate.target == model
                            && Objects.equals(candidate.explicitRelationName, rf.explicitRelationName)
                            && !ingested.contains(candidate)) {
                        opp = candidate;
                        break;
                    }
                }
                Relation r = new Relation();
                r.explicitName = rf.explicitRelationName != null;
                r.name = r.explicitName ? rf.explicitRelationName : generatedName(model.name(), rf.target.name());
                if (opp == null) {
                    r.a = rf;
                    r.kind = Datamodel.RelationKind.ONE_TO_MANY;
                } else if (rf.isList() && opp.isList()) {
                    boolean rfFirst = model.name().compareTo(opp.model.name()) < 0
                            || model == opp.model && rf.name().compareTo(opp.name()) < 0;
                    r.a = rfFirst ? rf : opp;
                    r.b = rfFirst ? opp : rf;
                    r.kind = Datamodel.RelationKind.MANY_TO_MANY;
                } else if (rf.isList()) {
                    r.a = opp;
                    r.b = rf;
                    r.kind = Datamodel.RelationKind.ONE_TO_MANY;
                } else if (opp.isList()) {
                    r.a = rf;
                    r.b = opp;
                    r.kind = Datamodel.RelationKind.ONE_TO_MANY;
                } else {
                    boolean rfForward = rf.hasFieldsOrReferences() || !opp.hasFieldsOrReferences()
                            && (model.name().compareTo(opp.model.name()) < 0
                            || model == opp.model && rf.name().compareTo(opp.name()) < 0);
                    r.a = rfForward ? rf : opp;
                    r.b = rfForward ? opp : rf;
                    r.kind = Datamodel.RelationKind.ONE_TO_ONE;
                }
                if (r.b == null && rf.isList()) {
                    // back-relation side only
                    r.b = rf;
                    r.a = null;
                }
                ingested.add(rf);
                rf.relation = r;
                if (opp != null) {
                    ingested.add(opp);
                    opp.relation = r;
                    rf.back = opp;
                    opp.back = rf;
                }
                context.relations.add(r);
            }
        }
    }

    static String generatedName(String a, String b) {
        return a.compareTo(b) < 0 ? a + "To" + b : b + "To" + a;
    }
}
