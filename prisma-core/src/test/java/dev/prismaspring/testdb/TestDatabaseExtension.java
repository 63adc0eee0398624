package dev.prismaspring.testdb;

import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: resolves {@code @FreshDatabase(KIND) TestDatabase} parameters with one database per test
 * class and kind, created on first use and dropped when the class's tests are done. When the server is absent
 * the tests that need it are skipped, and the reason is printed.
 *
 * <pre>{@code
 * @ExtendWith(TestDatabaseExtension.class)
 * class MyTest {
 *     @Test void works(@FreshDatabase(DbKind.POSTGRES) TestDatabase db) { ... }
 * }
 * }</pre>
 */
public final class TestDatabaseExtension implements ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestDatabaseExtension.class);

    /** Skips (with the printed reason) a test method that asks for a database whose server is absent. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("class");
        }
        for (Parameter p : context.getRequiredTestMethod().getParameters()) {
            FreshDatabase fresh = p.getAnnotation(FreshDatabase.class);
            if (fresh != null) {
                TestDatabases.Availability a = TestDatabases.availability(fresh.value());
                if (!a.available()) {
                    String message = "[testdb] skipping " + context.getDisplayName() + ": " + fresh.value()
                            + " not available: " + a.reason();
                    System.out.println(message);
                    return ConditionEvaluationResult.disabled(message);
                }
            }
        }
        return ConditionEvaluationResult.enabled("databases available");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class
                && parameter.isAnnotated(FreshDatabase.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DbKind kind = parameter.findAnnotation(FreshDatabase.class)
                .orElseThrow(() -> new ParameterResolutionException("@FreshDatabase missing"))
                .value();
        ExtensionContext classContext = classContext(context);
        String owner = classContext.getRequiredTestClass().getSimpleName();
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(kind, k -> new Holder(TestDatabases.create(k, owner)), Holder.class)
                .database();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Store entry that drops the database when the class context closes. */
    @SuppressWarnings("deprecation")
    private record Holder(TestDatabase database) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
