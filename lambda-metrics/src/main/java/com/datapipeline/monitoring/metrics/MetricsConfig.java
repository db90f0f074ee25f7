package com.datapipeline.monitoring.metrics;

import static com.datapipeline.monitoring.contract.MetricsConfiguration.BREACH_THRESHOLDS;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.DATA_QUALITY_RULESET;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.DETAILED_METRICS;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.EXPECTED_SUCCESS_EVERY_MINUTES;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.INTERVAL_MINUTES;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.JOB_NAME;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.LOOKBACK_MINUTES;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.MONTHLY_BUDGET_USD;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.NAME;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.NAMESPACE;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.OUTPUT_GLUE_TABLE;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.OUTPUT_LOG_GROUP;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.OUTPUT_S3_PREFIX;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.PIPELINES;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.PRICE_PER_DPU_HOUR;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.RUN_COST_METRICS;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.SOURCE;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.TRIGGER_NAMES;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.WORKFLOW_NAME;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.WORKFLOW_STUCK_MINUTES;

import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.MetricsConfiguration;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.lambda.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The function's configuration, as the CDK app writes it ({@link MonitoringFunction#METRICS}; the keys and an
 * example are in {@link MetricsConfiguration}).
 *
 * @param namespace       CloudWatch namespace of every metric (default {@value CustomMetric#NAMESPACE})
 * @param lookbackMinutes how far back job runs are read
 * @param intervalMinutes the schedule's period; RecordsProcessed counts runs completed within it
 * @param pipelines       at least one pipeline, with unique names
 */
public record MetricsConfig(
        String namespace, int lookbackMinutes, int intervalMinutes, List<PipelineConfig> pipelines) {

    public MetricsConfig {
        pipelines = List.copyOf(pipelines);
    }

    public Duration lookback() {
        return Duration.ofMinutes(lookbackMinutes);
    }

    public Duration interval() {
        return Duration.ofMinutes(intervalMinutes);
    }

    /**
     * One monitored pipeline.
     *
     * @param name                        the {@code Pipeline} dimension value
     * @param jobName                     the Glue job name
     * @param source                      glue or simulate
     * @param outputLogGroup              where the job's print() output goes; null skips RecordsProcessed
     * @param dataQualityRuleset          ruleset name or evaluation context; null skips DataQualityScore
     * @param expectedSuccessEveryMinutes used by the CDK app for the staleness alarm; not read here
     * @param detailedMetrics             false: only Breach is published (the detailed values only decide its bits)
     * @param breachThresholds            what the Breach metric compares with; empty: no Breach metric
     * @param output                      the pipeline's declared output, whose age is OutputAgeSeconds; null for none
     * @param pricePerDpuHour             USD per DPU-hour: DpuHours and RunCostUsd are published; null: neither
     * @param monthlyBudgetUsd            the monthly budget in USD (needs a price): ProjectedMonthlyCostUsd is
     *                                    published; null: not
     * @param runCostMetrics              false: the price only prices the projection, DpuHours and RunCostUsd are not
     *                                    published
     * @param workflow                    the pipeline's Glue workflow, whose runs decide WorkflowRunFailed; null for none
     * @param triggers                    the pipeline's Glue triggers, whose states decide TriggerDeactivated; empty for
     *                                    none
     */
    public record PipelineConfig(
            String name,
            String jobName,
            MetricsSource source,
            String outputLogGroup,
            String dataQualityRuleset,
            Integer expectedSuccessEveryMinutes,
            boolean detailedMetrics,
            Optional<BreachThresholds> breachThresholds,
            OutputLocation output,
            Double pricePerDpuHour,
            Double monthlyBudgetUsd,
            boolean runCostMetrics,
            WorkflowWatch workflow,
            List<String> triggers) {

        public PipelineConfig {
            Objects.requireNonNull(breachThresholds, "breachThresholds");
            triggers = List.copyOf(triggers);
        }

        /** A pipeline without a declared output and without a price per DPU-hour. */
        public PipelineConfig(
                String name,
                String jobName,
                MetricsSource source,
                String outputLogGroup,
                String dataQualityRuleset,
                Integer expectedSuccessEveryMinutes,
                boolean detailedMetrics,
                Optional<BreachThresholds> breachThresholds) {
            this(
                    name,
                    jobName,
                    source,
                    outputLogGroup,
                    dataQualityRuleset,
                    expectedSuccessEveryMinutes,
                    detailedMetrics,
                    breachThresholds,
                    null,
                    null,
                    null,
                    true,
                    null,
                    List.of());
        }

        /** A pipeline with the detailed metrics, no Breach metric, no declared output and no price per DPU-hour. */
        public PipelineConfig(
                String name,
                String jobName,
                MetricsSource source,
                String outputLogGroup,
                String dataQualityRuleset,
                Integer expectedSuccessEveryMinutes) {
            this(
                    name,
                    jobName,
                    source,
                    outputLogGroup,
                    dataQualityRuleset,
                    expectedSuccessEveryMinutes,
                    true,
                    Optional.empty(),
                    null,
                    null,
                    null,
                    true,
                    null,
                    List.of());
        }
    }

    /**
     * Parses and validates the JSON configuration. Unknown fields are refused, like the response function's. The
     * look-back and the interval have no default: the app sends both, so the interval cannot drift from the schedule.
     *
     * @throws IllegalArgumentException naming the offending field when the JSON is malformed or invalid
     */
    public static MetricsConfig parse(String json) {
        return JsonObject.readConfiguration(MonitoringFunction.METRICS.configVariable(), json, MetricsConfig::read);
    }

    private static MetricsConfig read(JsonObject root) {
        root.refuseUnknown(MetricsConfiguration.KEYS);
        String namespace = root.optionalText(NAMESPACE).orElse(CustomMetric.NAMESPACE);
        if (namespace.isBlank() || namespace.length() > 255) {
            throw root.invalid(NAMESPACE, "must be 1-255 characters");
        }
        int lookback = root.optionalInt(LOOKBACK_MINUTES, 1, Integer.MAX_VALUE)
                .orElseThrow(() -> root.invalid(LOOKBACK_MINUTES, "is missing (minutes of run history to read)"));
        int interval = root.optionalInt(INTERVAL_MINUTES, 1, Integer.MAX_VALUE)
                .orElseThrow(() -> root.invalid(INTERVAL_MINUTES, "is missing (the schedule's period in minutes)"));
        if (interval > lookback) {
            throw root.invalid(
                    INTERVAL_MINUTES, "(" + interval + ") must not exceed " + LOOKBACK_MINUTES + " (" + lookback + ")");
        }
        List<JsonObject> rawPipelines = root.objectList(PIPELINES);
        if (rawPipelines.isEmpty()) {
            throw root.invalid(PIPELINES, "must be a non-empty list");
        }
        List<PipelineConfig> pipelines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonObject raw : rawPipelines) {
            PipelineConfig pipeline = readPipeline(raw);
            if (!names.add(pipeline.name())) {
                throw raw.invalid(NAME, "'" + pipeline.name() + "' is used twice");
            }
            pipelines.add(pipeline);
        }
        return new MetricsConfig(namespace, lookback, interval, pipelines);
    }

    private static PipelineConfig readPipeline(JsonObject raw) {
        raw.refuseUnknown(MetricsConfiguration.PIPELINE_KEYS);
        String name = raw.requiredString(NAME);
        // CloudWatch dimension values are limited to 1024 characters.
        if (name.length() > 1024) {
            throw raw.invalid(NAME, "must be at most 1024 characters");
        }
        String jobName = raw.optionalText(JOB_NAME).orElse(null);
        String sourceText = raw.requiredString(SOURCE);
        MetricsSource source = MetricsSource.fromConfigName(sourceText.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> raw.invalid(SOURCE, "must be 'glue' or 'simulate', was '" + sourceText + "'"));
        if (source == MetricsSource.GLUE && (jobName == null || jobName.isBlank())) {
            throw raw.invalid(JOB_NAME, "is required when source is 'glue'");
        }
        String outputLogGroup = raw.optionalText(OUTPUT_LOG_GROUP).orElse(null);
        String ruleset = raw.optionalText(DATA_QUALITY_RULESET).orElse(null);
        Integer expectedMinutes = raw.optionalInt(EXPECTED_SUCCESS_EVERY_MINUTES, 1, Integer.MAX_VALUE)
                .orElse(null);
        boolean detailed = raw.optionalBoolean(DETAILED_METRICS).orElse(true);
        Optional<BreachThresholds> thresholds =
                raw.optionalObject(BREACH_THRESHOLDS).map(BreachThresholds::read);
        if (!detailed && thresholds.isEmpty()) {
            throw raw.invalid(
                    DETAILED_METRICS, "false needs " + BREACH_THRESHOLDS + ": the pipeline would publish nothing");
        }
        Double price = readPrice(raw);
        return new PipelineConfig(
                name,
                jobName == null ? name : jobName,
                source,
                blankToNull(outputLogGroup),
                blankToNull(ruleset),
                expectedMinutes,
                detailed,
                thresholds,
                readOutput(raw),
                price,
                readBudget(raw, price),
                raw.optionalBoolean(RUN_COST_METRICS).orElse(true),
                readWorkflow(raw),
                raw.stringList(TRIGGER_NAMES));
    }

    private static WorkflowWatch readWorkflow(JsonObject raw) {
        if (!raw.has(WORKFLOW_NAME)) {
            if (raw.has(WORKFLOW_STUCK_MINUTES)) {
                throw raw.invalid(WORKFLOW_STUCK_MINUTES, "needs " + WORKFLOW_NAME);
            }
            return null;
        }
        String workflow = raw.requiredString(WORKFLOW_NAME);
        int stuckMinutes = raw.optionalInt(WORKFLOW_STUCK_MINUTES, 1, Integer.MAX_VALUE)
                .orElseThrow(() ->
                        raw.invalid(WORKFLOW_STUCK_MINUTES, "is missing (minutes a workflow run may stay RUNNING)"));
        return new WorkflowWatch(workflow, Duration.ofMinutes(stuckMinutes));
    }

    private static Double readBudget(JsonObject raw, Double price) {
        Optional<Double> budget = raw.optionalNumber(MONTHLY_BUDGET_USD);
        if (budget.isPresent() && !(budget.get() > 0 && Double.isFinite(budget.get()))) {
            throw raw.invalid(MONTHLY_BUDGET_USD, "must be a positive number of USD, was " + budget.get());
        }
        if (budget.isPresent() && price == null) {
            throw raw.invalid(MONTHLY_BUDGET_USD, "needs " + PRICE_PER_DPU_HOUR + ": a cost needs a price");
        }
        return budget.orElse(null);
    }

    private static Double readPrice(JsonObject raw) {
        Optional<Double> price = raw.optionalNumber(PRICE_PER_DPU_HOUR);
        if (price.isPresent() && !(price.get() > 0 && Double.isFinite(price.get()))) {
            throw raw.invalid(PRICE_PER_DPU_HOUR, "must be a positive number of USD, was " + price.get());
        }
        return price.orElse(null);
    }

    private static OutputLocation readOutput(JsonObject raw) {
        if (raw.has(OUTPUT_GLUE_TABLE) && raw.has(OUTPUT_S3_PREFIX)) {
            throw raw.invalid(OUTPUT_S3_PREFIX, "must not be set together with " + OUTPUT_GLUE_TABLE);
        }
        if (raw.has(OUTPUT_GLUE_TABLE)) {
            String text = raw.requiredString(OUTPUT_GLUE_TABLE);
            return OutputLocation.glueTable(text)
                    .orElseThrow(() -> raw.invalid(OUTPUT_GLUE_TABLE, "must be 'database.table', was '" + text + "'"));
        }
        if (raw.has(OUTPUT_S3_PREFIX)) {
            String text = raw.requiredString(OUTPUT_S3_PREFIX);
            return OutputLocation.s3Prefix(text)
                    .orElseThrow(
                            () -> raw.invalid(OUTPUT_S3_PREFIX, "must be 's3://bucket/prefix/', was '" + text + "'"));
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
