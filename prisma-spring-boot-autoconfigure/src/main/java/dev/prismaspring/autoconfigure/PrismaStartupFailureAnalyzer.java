package dev.prismaspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link PrismaStartupException} as Boot's failure analysis: description and action, no stack trace. */
class PrismaStartupFailureAnalyzer extends AbstractFailureAnalyzer<PrismaStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PrismaStartupException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
