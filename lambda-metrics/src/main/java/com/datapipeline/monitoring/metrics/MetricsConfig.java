package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.lambda.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The function's configuration, read from the {@code PIPELINES_CONFIG} environment variable that the
 * CDK app writes.
 *
 * <pre>{@code
 * {"namespace":"DataPipelineMetrics","lookbackMinutes":1440,"intervalMinutes":5,
 *  "pipelines":[{"name":"sample-etl-job","jobName":"sample-etl-job","source":"glue",
 *                "outputLogGroup":"/aws-glue/jobs/output","dataQualityRuleset":null,
 *                "expectedSuccessEveryMinutes":null}]}
 * }</pre>
 *
 * @param namespace       CloudWatch namespace of every metric (default {@value MetricNames#NAMESPACE})
 * @param lookbackMinutes how far back job runs are read (default 1440)
 * @param intervalMinutes the schedule's period; RecordsProcessed counts runs completed within it (default 5)
 * @param pipelines       at least one pipeline, with unique names
 */
public record MetricsConfig(String namespace, int lookbackMinutes, int intervalMinutes,
                            List<PipelineConfig> pipelines) {

    public static final int DEFAULT_LOOKBACK_MINUTES = 1440;
    public static final int DEFAULT_INTERVAL_MINUTES = 5;

    private static final Set<String> TOP_LEVEL_FIELDS =
            Set.of("namespace", "lookbackMinutes", "intervalMinutes", "pipelines");
    private static final Set<String> PIPELINE_FIELDS = Set.of("name", "jobName", "source", "outputLogGroup",
            "dataQualityRuleset", "expectedSuccessEveryMinutes");

    public MetricsConfig {
        pipelines = List.copyOf(pipelines);
    }

    public Duration lookback() {
        return Duration.ofMinutes(lookbackMinutes);
    }

    public Duration interval() {
        return Duration.ofMinutes(intervalMinutes);
    }

    /** Where a pipeline's numbers come from. */
    public enum Source {
        /** Measured from the Glue job's runs, logs and data quality results. */
        GLUE,
        /** The lab's random values, for demos without a real job. */
        SIMULATE
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
     */
    public record PipelineConfig(String name, String jobName, Source source, String outputLogGroup,
                                 String dataQualityRuleset, Integer expectedSuccessEveryMinutes) {
    }

    /**
     * Parses and validates the JSON configuration. Unknown fields are refused, like the response function's.
     *
     * @throws IllegalArgumentException naming the offending field when the JSON is malformed or invalid
     */
    public static MetricsConfig parse(String json) {
        return JsonObject.readConfiguration(PipelineMetricsHandler.CONFIG_VARIABLE, json, MetricsConfig::read);
    }

    private static MetricsConfig read(JsonObject root) {
        root.refuseUnknown(TOP_LEVEL_FIELDS);
        String namespace = root.optionalText("namespace").orElse(MetricNames.NAMESPACE);
        if (namespace.isBlank() || namespace.length() > 255) {
            throw root.invalid("namespace", "must be 1-255 characters");
        }
        int lookback = root.optionalInt("lookbackMinutes", 1, Integer.MAX_VALUE).orElse(DEFAULT_LOOKBACK_MINUTES);
        int interval = root.optionalInt("intervalMinutes", 1, Integer.MAX_VALUE).orElse(DEFAULT_INTERVAL_MINUTES);
        if (interval > lookback) {
            throw root.invalid("intervalMinutes", "(" + interval + ") must not exceed lookbackMinutes (" + lookback + ")");
        }
        List<JsonObject> rawPipelines = root.objectList("pipelines");
        if (rawPipelines.isEmpty()) {
            throw root.invalid("pipelines", "must be a non-empty list");
        }
        List<PipelineConfig> pipelines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonObject raw : rawPipelines) {
            PipelineConfig pipeline = readPipeline(raw);
            if (!names.add(pipeline.name())) {
                throw raw.invalid("name", "'" + pipeline.name() + "' is used twice");
            }
            pipelines.add(pipeline);
        }
        return new MetricsConfig(namespace, lookback, interval, pipelines);
    }

    private static PipelineConfig readPipeline(JsonObject raw) {
        raw.refuseUnknown(PIPELINE_FIELDS);
        String name = raw.requiredString("name");
        // CloudWatch dimension values are limited to 1024 characters.
        if (name.length() > 1024) {
            throw raw.invalid("name", "must be at most 1024 characters");
        }
        String jobName = raw.optionalText("jobName").orElse(null);
        String sourceText = raw.requiredString("source");
        Source source = switch (sourceText.toLowerCase(Locale.ROOT)) {
            case "glue" -> Source.GLUE;
            case "simulate" -> Source.SIMULATE;
            default -> throw raw.invalid("source", "must be 'glue' or 'simulate', was '" + sourceText + "'");
        };
        if (source == Source.GLUE && (jobName == null || jobName.isBlank())) {
            throw raw.invalid("jobName", "is required when source is 'glue'");
        }
        String outputLogGroup = raw.optionalText("outputLogGroup").orElse(null);
        String ruleset = raw.optionalText("dataQualityRuleset").orElse(null);
        Integer expectedMinutes = raw.optionalInt("expectedSuccessEveryMinutes", 1, Integer.MAX_VALUE).orElse(null);
        return new PipelineConfig(name, jobName == null ? name : jobName, source,
                blankToNull(outputLogGroup), blankToNull(ruleset), expectedMinutes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
