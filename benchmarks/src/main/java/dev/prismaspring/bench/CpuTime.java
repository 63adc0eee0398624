package dev.prismaspring.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cross-check for loaded machines: the CPU time (not wall time) per operation of the CPU-bound cases (schema
 * pipeline, query compilation), which other processes competing for the cores inflate far less than JMH's wall-clock
 * figures. Not a replacement for JMH: no forks, no blackhole, only a sanity check of the order of magnitude.
 *
 * <pre>
 * java -Dbench.corpus.dir=../shared/corpus -cp benchmarks.jar dev.prismaspring.bench.CpuTime [SECONDS]
 * </pre>
 */
public final class CpuTime {

    private CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        SchemaBench schema = new SchemaBench();
        schema.setUp();
        CompileBench compile = new CompileBench();
        compile.setUp();
        Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
        cases.put("SchemaBench.odooParseValidateCalculate (ms)", schema::odooParseValidateCalculate);
        cases.put("SchemaBench.largestParseValidateCalculate (ms)", schema::largestParseValidateCalculate);
        cases.put("SchemaBench.odooFormat (ms)", schema::odooFormat);
        cases.put("SchemaBench.odooDiff (ms)", schema::odooDiff);
        cases.put("CompileBench.compileFindUnique (us)", compile::compileFindUnique);
        cases.put("CompileBench.compileFindManyWhereOrderByTake (us)", compile::compileFindManyWhereOrderByTake);
        cases.put("CompileBench.compileTwoLevelInclude (us)", compile::compileTwoLevelInclude);
        cases.put("CompileBench.parseTwoLevelInclude (us)", compile::parseTwoLevelInclude);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (Map.Entry<String, Supplier<Object>> e : cases.entrySet()) {
            Supplier<Object> op = e.getValue();
            long cpuBudget = (long) (seconds * 1e9);
            // warm up for the same CPU time as is measured
            long w0 = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - w0 < cpuBudget) {
                sink += System.identityHashCode(op.get()) & 1;
            }
            long ops = 0;
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long c1;
            do {
                sink += System.identityHashCode(op.get()) & 1;
                ops++;
                c1 = mx.getCurrentThreadCpuTime();
            } while (c1 - c0 < cpuBudget);
            long wall = System.nanoTime() - t0;
            double scale = e.getKey().endsWith("(ms)") ? 1e6 : 1e3;
            System.out.printf("%-52s cpu %10.2f   wall %10.2f   (%d ops)%n", e.getKey(), (c1 - c0) / scale / ops,
                    wall / scale / ops, ops);
        }
        System.out.println(sink == -1 ? "" : "(cpu = thread CPU time per op; wall = elapsed time per op)");
    }
}
