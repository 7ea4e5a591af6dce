package io.sparkwise.advisor.cost;

import io.sparkwise.advisor.catalog.CatalogEntry;
import io.sparkwise.advisor.catalog.InstanceType;
import io.sparkwise.advisor.catalog.Price;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.spark.ExecutorTimeline;
import io.sparkwise.simulator.ClusterOption;
import io.sparkwise.simulator.ClusterShape;
import io.sparkwise.simulator.SimulationResult;
import io.sparkwise.simulator.Simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Prices a run from its executor lifetimes (docs/advisor.md, "Cost"): each executor (and the
 * driver) costs its lifetime x its share of an instance x (instance price + platform fee), or the
 * serverless rate for its vCPUs and memory.
 */
public final class CostModel {

    private static final double MS_PER_HOUR = 3_600_000.0;
    private static final double HOURS_PER_MONTH = 730;
    private static final long MIB = 1 << 20;

    private final PriceContext context;


    public CostModel(PriceContext context) {
        this.context = context;
    }

    /** The cost of {@code app}; {@code findings} get their saving attached; {@code simulate} replays with dynamic allocation. */
    public CostReport cost(Application app, List<Finding> findings, OptionalInt runsPerDay, boolean simulate) {
        Computation c = new Computation(app);
        return c.run(findings, runsPerDay, simulate);
    }

    private final class Computation {
        private final Application app;
        private final Map<String, String> props;
        private final List<CostLine> lines = new ArrayList<>();
        private final Set<String> prices = new LinkedHashSet<>();
        private final List<String> notes = new ArrayList<>();
        private final long appEnd;

        Computation(Application app) {
            this.app = app;
            this.props = app.environment().sparkProperties();
            this.appEnd = ExecutorTimeline.applicationEndMs(app);
        }

        CostReport run(List<Finding> findings, OptionalInt runsPerDay, boolean simulate) {
            List<ExecutorCost> executors = executorCosts();
            // The driver runs tasks only in local mode, where it is the only executor.
            boolean localMode = executors.stream().allMatch(ExecutorCost::driver);
            List<ExecutorCost> ranTasks = executors.stream().filter(e -> !e.driver() || localMode).toList();
            double total = executors.stream().mapToDouble(ExecutorCost::dollars).sum();
            double busy = ranTasks.stream().mapToDouble(ExecutorCost::busyDollars).sum();
            double idle = ranTasks.stream().mapToDouble(ExecutorCost::dollars).sum() - busy;
            double driver = total - busy - idle;
            double coreHours = ranTasks.stream().mapToDouble(ExecutorCost::coreHours).sum();
            double perCoreHour = coreHours == 0 ? 0 : ranTasks.stream().mapToDouble(ExecutorCost::dollars).sum() / coreHours;
            lines.add(new CostLine("run", total, String.format(Locale.ROOT, "sum over %d executor(s) and the driver of lifetime "
                    + "hours x rate per hour (executor table)", executors.stream().filter(e -> !e.driver()).count())));
            lines.add(new CostLine("busy", busy, "each executor's cost x task time / (lifetime x cores)"));
            lines.add(new CostLine("idle executors", idle, "executor cost while no task ran: the coordination tax "
                    + "(start-up, scheduling gaps, waiting on the driver, stage tails)"));
            lines.add(new CostLine("driver", driver, "the driver's lifetime x its rate (in local mode the driver runs the tasks "
                    + "and is counted as busy/idle instead)"));
            if (context.spot()) {
                notes.add("priced as spot: executors at the spot price, the driver on demand (a lost driver ends the run)");
            }
            Optional<SpotEstimate> spot = context.instance().isPresent() ? Optional.of(spot(executors)) : Optional.empty();
            Optional<AutoScalingSaving> autoScaling = simulate ? autoScaling(executors) : Optional.empty();
            return new CostReport(app.info().id(), context.label(), executors, total, busy, idle, driver, perCoreHour, spot,
                    autoScaling, findingSavings(findings, perCoreHour), runsPerDay, lines, List.copyOf(prices), notes);
        }

        /** Every executor and the driver with its lifetime, share and rate (executors at spot with --spot). */
        private List<ExecutorCost> executorCosts() {
            List<ExecutorCost> costs = new ArrayList<>();
            boolean sawDriver = false;
            ExecutorTimeline timeline = ExecutorTimeline.of(app.executors(), ExecutorTimeline.applicationStartMs(app), appEnd);
            for (ExecutorTimeline.Lifetime lifetime : timeline.lifetimes()) {
                Executor e = lifetime.executor();
                double hours = lifetime.aliveMs() / MS_PER_HOUR;
                boolean driver = e.isDriver();
                sawDriver |= driver;
                int cores = driver && e.totalCores() == 0 ? driverCores() : Math.max(1, e.totalCores());
                long container = driver ? driverContainerMib() : ConfigValidator.containerBytes(props) / MIB;
                double busy = hours == 0 ? 0 : Math.min(1, e.totalDuration() / (hours * MS_PER_HOUR * cores));
                costs.add(priced(e.id(), driver, cores, container, hours, busy, !driver && context.spot()));
            }
            if (!sawDriver) {
                double hours = app.info().duration() / MS_PER_HOUR;
                costs.add(priced("driver", true, driverCores(), driverContainerMib(), hours, 0, false));
                notes.add("the log lists no driver: priced for the application's duration with spark.driver.cores/memory");
            }
            return costs;
        }

        private ExecutorCost priced(String id, boolean driver, int cores, long containerMib, double hours, double busy, boolean spot) {
            double gib = containerMib / 1024.0;
            if (context.platform().equals("emr-serverless")) {
                Price vcpu = use(context.platformFees().price("per_vcpu_hour"));
                Price gb = use(context.platformFees().price("per_gb_hour"));
                return new ExecutorCost(id, driver, cores, containerMib, hours, 1, cores * vcpu.value() + gib * gb.value(), busy);
            }
            if (context.platform().equals("glue")) {
                CatalogEntry glue = context.platformFees();
                double dpus = Math.max(Math.ceil(cores / use(glue.price("dpu_vcpu")).value()),
                        Math.ceil(gib / use(glue.price("dpu_memory_gb")).value()));
                return new ExecutorCost(id, driver, cores, containerMib, hours, dpus, dpus * use(glue.price("per_dpu_hour")).value(), busy);
            }
            InstanceType instance = context.instance().orElseThrow();
            double share = Math.max(cores / instance.vcpu(), containerMib / 1024.0 / instance.memoryGib());
            return new ExecutorCost(id, driver, cores, containerMib, hours, share, share * (instanceRate(instance, spot) + fee(instance)), busy);
        }

        private double instanceRate(InstanceType instance, boolean spot) {
            Price onDemand = use(instance.onDemandPerHour());
            if (!spot) {
                return onDemand.value();
            }
            Price savings = use(context.catalog().spot(instance).price("savings_pct_low"));
            return onDemand.value() * (1 - savings.value() / 100);
        }

        /** Platform fee per instance-hour (EMR per type or % of on-demand, Dataproc per vCPU, Databricks DBUs). */
        private double fee(InstanceType instance) {
            CatalogEntry fees = context.platformFees();
            return switch (context.platform()) {
                case "emr" -> fees.optionalPrice("per_instance_hour", instance.type()).map(p -> use(p).value())
                        .orElseGet(() -> use(instance.onDemandPerHour()).value() * use(fees.price("fee_pct_of_on_demand")).value() / 100);
                case "dataproc" -> instance.vcpu() * use(fees.price("per_vcpu_hour")).value();
                case "databricks" -> use(fees.price("dbu_per_hour", instance.type())).value() * use(fees.price("jobs_compute_per_dbu")).value();
                default -> use(fees.price("fee_per_hour")).value();
            };
        }

        private List<FindingSaving> findingSavings(List<Finding> findings, double perCoreHour) {
            List<FindingSaving> savings = new ArrayList<>();
            for (Finding f : findings) {
                if (f.causedBy().isEmpty() && f.impact().wastedCoreSeconds() > 0) {
                    savings.add(new FindingSaving(f.ruleId(), f.title(), f.impact().wastedCoreSeconds(),
                            f.impact().wastedCoreSeconds() / 3600 * perCoreHour));
                }
            }
            return savings;
        }

        /**
         * Spot executors, interruption risk priced in: expected interruptions = executor-hours x
         * (monthly interruption share / 730 h); each loses its in-flight tasks (cores x mean task time / 2)
         * and the shuffle output it holds that later stages still need.
         */
        private SpotEstimate spot(List<ExecutorCost> onDemandOrSpot) {
            List<ExecutorCost> spotCosts = context.spot() ? onDemandOrSpot : executorCostsAtSpot();
            double spotDollars = spotCosts.stream().mapToDouble(ExecutorCost::dollars).sum();
            InstanceType instance = context.instance().orElseThrow();
            CatalogEntry spot = context.catalog().spot(instance);
            double monthlyShare = use(spot.price("interruption_pct_per_month_high")).value() / 100;
            double executorHours = spotCosts.stream().filter(e -> !e.driver()).mapToDouble(ExecutorCost::hours).sum();
            double interruptions = executorHours * monthlyShare / HOURS_PER_MONTH;
            long executors = Math.max(1, spotCosts.stream().filter(e -> !e.driver()).count());
            int cores = spotCosts.stream().filter(e -> !e.driver()).mapToInt(ExecutorCost::cores).max().orElse(1);
            long tasks = app.stages().stream().mapToLong(StageAttempt::numCompleteTasks).sum();
            double meanTaskSeconds = tasks == 0 ? 0 : app.stages().stream().mapToLong(s -> s.metrics().executorRunTime()).sum() / 1000.0 / tasks;
            double inFlight = cores * meanTaskSeconds / 2;
            double shuffle = neededShuffleCoreSeconds() / executors;
            double lost = inFlight + shuffle;
            double perCoreSecond = spotCosts.stream().filter(e -> !e.driver()).mapToDouble(ExecutorCost::dollars).sum()
                    / Math.max(1e-9, spotCosts.stream().filter(e -> !e.driver()).mapToDouble(ExecutorCost::coreHours).sum() * 3600);
            double reexecution = interruptions * lost * perCoreSecond;
            String formula = String.format(Locale.ROOT, "%.2f executor-hours x %.0f%% interrupted per month / 730 h = %.6f "
                            + "interruptions; each loses %d cores x mean task %.1f s / 2 + shuffle output still needed %.0f core-s / %d "
                            + "executors = %.0f core-s, re-run at $%.6f per core-second",
                    executorHours, monthlyShare * 100, interruptions, cores, meanTaskSeconds, shuffle * executors, executors, lost, perCoreSecond);
            return new SpotEstimate(spotDollars, interruptions, lost, reexecution, formula);
        }

        private List<ExecutorCost> executorCostsAtSpot() {
            List<ExecutorCost> costs = new ArrayList<>();
            for (ExecutorCost e : executorCosts()) {
                costs.add(e.driver() ? e : priced(e.id(), false, e.cores(), e.containerMib(), e.hours(), e.busyFraction(), true));
            }
            return costs;
        }

        /**
         * Expected core-seconds of shuffle map output that an executor lost at a random moment
         * takes with it, summed over all executors: for each stage whose output a later stage
         * reads, its task time x the share of the run during which that output was still needed
         * (from its completion to the last completion of a stage that reads it).
         */
        private double neededShuffleCoreSeconds() {
            long duration = Math.max(1, app.info().duration());
            double total = 0;
            for (StageAttempt s : app.stages()) {
                if (s.completionTime().isEmpty() || s.metrics().shuffleWriteBytes() == 0) {
                    continue;
                }
                long done = s.completionTime().getAsLong();
                long lastReader = app.stages().stream().filter(c -> c.parentStageIds().contains(s.stageId()) && c.completionTime().isPresent())
                        .mapToLong(c -> c.completionTime().getAsLong()).max().orElse(done);
                total += s.metrics().executorRunTime() / 1000.0 * Math.max(0, lastReader - done) / duration;
            }
            return total;
        }

        /** The run replayed with dynamic allocation (0..peak executors) by the simulator, priced at the executor rate. */
        private Optional<AutoScalingSaving> autoScaling(List<ExecutorCost> executors) {
            List<ExecutorCost> real = executors.stream().filter(e -> !e.driver()).toList();
            if (real.isEmpty()) {
                notes.add("auto-scaling not estimated: the run had no executors besides the driver (local mode)");
                return Optional.empty();
            }
            try {
                Simulator simulator = Simulator.of(app);
                ClusterShape asRun = simulator.asRun();
                if (asRun.dynamicAllocation()) {
                    notes.add("auto-scaling not estimated: the run already used dynamic allocation");
                    return Optional.empty();
                }
                ClusterOption option = ClusterOption.dynamic(0, Math.max(1, asRun.peakExecutors()), asRun.coresPerExecutor());
                SimulationResult simulated = simulator.simulate(option);
                double hoursAsRun = real.stream().mapToDouble(ExecutorCost::hours).sum();
                double ratePerExecutorHour = real.stream().mapToDouble(ExecutorCost::dollars).sum() / Math.max(1e-9, hoursAsRun);
                double saving = (hoursAsRun - simulated.executorHours()) * ratePerExecutorHour;
                return Optional.of(new AutoScalingSaving(option.label(), hoursAsRun, simulated.executorHours(),
                        app.info().duration(), simulated.predictedWallTimeMs(), saving));
            } catch (SparkwiseException | IllegalArgumentException e) {
                notes.add("auto-scaling not estimated: " + e.getMessage());
                return Optional.empty();
            }
        }

        private int driverCores() {
            return Integer.parseInt(props.getOrDefault("spark.driver.cores", "1").trim());
        }

        private long driverContainerMib() {
            long heap = SparkSizes.parseMib(props.getOrDefault("spark.driver.memory", "1g")).orElse(1024);
            long overhead = props.containsKey("spark.driver.memoryOverhead")
                    ? SparkSizes.parseMib(props.get("spark.driver.memoryOverhead")).orElse(0)
                    : Math.max((long) (heap * SparkDefaults.MEMORY_OVERHEAD_FACTOR), SparkDefaults.MIN_MEMORY_OVERHEAD / MIB);
            return heap + overhead;
        }

        private Price use(Price price) {
            prices.add(price.key() + " = " + io.sparkwise.advisor.catalog.Prices.number(price.value()) + " (" + price.citation()
                    + price.note().map(n -> "; " + n).orElse("") + ")");
            return price;
        }
    }
}
