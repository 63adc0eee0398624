package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.autoconfigure.PrismaSpringLiquibase;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The observation {@value #NAME} around the startup migration: the initialization of the
 * {@link PrismaSpringLiquibase} bean, which runs the configured mode (low-cardinality key {@code mode}). A migration
 * that fails stops the application, and its observation is not recorded.
 */
public class MigrationObservations implements BeanPostProcessor {

    /** The observation's name. */
    public static final String NAME = "prisma.migrations";

    private final ObjectProvider<ObservationRegistry> registry;
    private final Map<String, Observation> running = new ConcurrentHashMap<>();

    public MigrationObservations(ObjectProvider<ObservationRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof PrismaSpringLiquibase liquibase) {
            ObservationRegistry r = registry.getIfAvailable(() -> ObservationRegistry.NOOP);
            running.put(beanName, Observation.createNotStarted(NAME, r).contextualName("prisma migrate")
                    .lowCardinalityKeyValue("mode", liquibase.getMigrations().mode().name().toLowerCase(
                            java.util.Locale.ROOT))
                    .start());
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Observation observation = running.remove(beanName);
        if (observation != null) {
            observation.stop();
        }
        return bean;
    }
}
