package dev.prismaspring.autoconfigure.actuate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the last status report (never a database call when scraped; {@code NaN} before the first report):
 * {@code prisma.migrations.pending}, {@code prisma.migrations.failed} and {@code prisma.drift.differences}.
 */
public class PrismaMetrics implements MeterBinder {

    private final PrismaStatusInspector inspector;

    public PrismaMetrics(PrismaStatusInspector inspector) {
        this.inspector = inspector;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "prisma.migrations.pending", "Migrations of the folder not applied to the database",
                r -> r.migrations().pending().size());
        gauge(registry, "prisma.migrations.failed", "Migrations whose last run failed",
                r -> r.migrations().failed().size());
        gauge(registry, "prisma.drift.differences", "Differences between the database and its migrations",
                r -> r.drift().differences().size());
    }

    private void gauge(MeterRegistry registry, String name, String description,
            ToDoubleFunction<PrismaStatusReport> value) {
        Gauge.builder(name, inspector, i -> i.lastReport().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).register(registry);
    }
}
