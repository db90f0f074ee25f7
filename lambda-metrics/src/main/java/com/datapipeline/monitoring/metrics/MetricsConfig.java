package com.datapipeline.monitoring.metrics;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * Parses and validates the JSON configuration.
     *
     * @throws IllegalArgumentException naming the offending field when the JSON is malformed or invalid
     */
    public static MetricsConfig parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("PIPELINES_CONFIG is empty: expected a JSON object");
        }
        Map<String, Object> root;
        try {
            root = JSON.std.mapFrom(json);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("PIPELINES_CONFIG is not a JSON object: " + e.getMessage(), e);
        }
        String namespace = optionalString(root, "namespace", "namespace");
        if (namespace == null) {
            namespace = MetricNames.NAMESPACE;
        }
        if (namespace.isBlank() || namespace.length() > 255) {
            throw new IllegalArgumentException("namespace must be 1-255 characters");
        }
        int lookback = optionalPositiveInt(root, "lookbackMinutes", "lookbackMinutes", DEFAULT_LOOKBACK_MINUTES);
        int interval = optionalPositiveInt(root, "intervalMinutes", "intervalMinutes", DEFAULT_INTERVAL_MINUTES);
        if (interval > lookback) {
            throw new IllegalArgumentException("intervalMinutes (" + interval
                    + ") must not exceed lookbackMinutes (" + lookback + ")");
        }
        if (!(root.get("pipelines") instanceof List<?> rawPipelines) || rawPipelines.isEmpty()) {
            throw new IllegalArgumentException("pipelines must be a non-empty array");
        }
        List<PipelineConfig> pipelines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rawPipelines.size(); i++) {
            String path = "pipelines[" + i + "]";
            if (!(rawPipelines.get(i) instanceof Map<?, ?> raw)) {
                throw new IllegalArgumentException(path + " must be an object");
            }
            PipelineConfig pipeline = parsePipeline(raw, path);
            if (!names.add(pipeline.name())) {
                throw new IllegalArgumentException(path + ".name '" + pipeline.name() + "' is used twice");
            }
            pipelines.add(pipeline);
        }
        return new MetricsConfig(namespace, lookback, interval, pipelines);
    }

    private static PipelineConfig parsePipeline(Map<?, ?> raw, String path) {
        String name = requiredString(raw, "name", path + ".name");
        // CloudWatch dimension values are limited to 1024 characters.
        if (name.length() > 1024) {
            throw new IllegalArgumentException(path + ".name must be at most 1024 characters");
        }
        String jobName = optionalString(raw, "jobName", path + ".jobName");
        String sourceText = requiredString(raw, "source", path + ".source");
        Source source = switch (sourceText.toLowerCase(Locale.ROOT)) {
            case "glue" -> Source.GLUE;
            case "simulate" -> Source.SIMULATE;
            default -> throw new IllegalArgumentException(
                    path + ".source must be 'glue' or 'simulate', was '" + sourceText + "'");
        };
        if (source == Source.GLUE && (jobName == null || jobName.isBlank())) {
            throw new IllegalArgumentException(path + ".jobName is required when source is 'glue'");
        }
        String outputLogGroup = optionalString(raw, "outputLogGroup", path + ".outputLogGroup");
        String ruleset = optionalString(raw, "dataQualityRuleset", path + ".dataQualityRuleset");
        Object expected = raw.get("expectedSuccessEveryMinutes");
        Integer expectedMinutes = expected == null ? null
                : positiveInt(expected, path + ".expectedSuccessEveryMinutes");
        return new PipelineConfig(name, jobName == null ? name : jobName, source,
                blankToNull(outputLogGroup), blankToNull(ruleset), expectedMinutes);
    }

    private static String requiredString(Map<?, ?> map, String key, String field) {
        String value = optionalString(map, key, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static String optionalString(Map<?, ?> map, String key, String field) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return text;
    }

    private static int optionalPositiveInt(Map<?, ?> map, String key, String field, int defaultValue) {
        Object value = map.get(key);
        return value == null ? defaultValue : positiveInt(value, field);
    }

    private static int positiveInt(Object value, String field) {
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 1
                || ((Number) value).longValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be a positive whole number, was " + value);
        }
        return ((Number) value).intValue();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
