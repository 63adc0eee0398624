package dev.prismaspring.samples.blog;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Runs a Testcontainers test class only where a Docker engine answers; prints that it is skipped otherwise. */
class DockerAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            available = false;
        }
        if (available) {
            return ConditionEvaluationResult.enabled("a Docker engine is available");
        }
        String reason = "[testcontainers] skipping " + context.getDisplayName() + ": no Docker engine on this machine";
        System.out.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
