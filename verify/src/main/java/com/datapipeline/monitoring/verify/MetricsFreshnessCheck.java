package com.datapipeline.monitoring.verify;

import com.datapipeline.monitoring.contract.LogFields;
import com.datapipeline.monitoring.contract.MetricsLine;
import com.datapipeline.monitoring.contract.MetricsSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * Has DataPipelineMetricsFunction published for every pipeline recently? With {@code metricsSource=simulate}
 * every custom metric must have a datum in the window. With {@code glue} a metric exists only when there was a
 * run to measure, so one datum of any custom metric passes; with none, the function's own log line for the
 * pipeline decides: it ran and skipped every metric (no run yet) → SKIP, it failed or never ran → FAIL.
 */
public final class MetricsFreshnessCheck {
    private final AwsClients aws;
    private final Clock clock;

    public MetricsFreshnessCheck(AwsClients aws, Clock clock) {
        this.aws = aws;
        this.clock = clock;
    }

    public List<CheckResult> run(ExpectedStack expected, Duration window) {
        Instant now = clock.instant();
        Instant from = now.minus(window);
        List<CheckResult> results = new ArrayList<>();
        for (String pipeline : expected.pipelines()) {
            results.add(check(expected, pipeline, from, now, window));
        }
        return results;
    }

    private CheckResult check(ExpectedStack expected, String pipeline, Instant from, Instant now, Duration window) {
        String check = "metrics " + pipeline;
        List<String> metrics = expected.customMetrics();
        List<MetricDataQuery> queries = IntStream.range(0, metrics.size())
                .mapToObj(i -> MetricDataQuery.builder()
                        .id("m" + i)
                        .metricStat(s -> s.stat("SampleCount")
                                .period(60)
                                .metric(m -> m.namespace(expected.metricsNamespace())
                                        .metricName(metrics.get(i))
                                        .dimensions(Dimension.builder()
                                                .name(expected.pipelineDimension())
                                                .value(pipeline)
                                                .build())))
                        .returnData(true)
                        .build())
                .toList();
        List<String> present = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetMetricDataResponse response = aws.cloudWatch()
                    .getMetricData(r -> r.metricDataQueries(queries)
                            .startTime(from)
                            .endTime(now.plusSeconds(60))
                            .nextToken(page));
            for (MetricDataResult result : response.metricDataResults()) {
                boolean hasData = result.values().stream().anyMatch(v -> v > 0);
                String metric = metrics.get(Integer.parseInt(result.id().substring(1)));
                if (hasData && !present.contains(metric)) {
                    present.add(metric);
                }
            }
            token = response.nextToken();
        } while (token != null);

        String minutes = window.toMinutes() + " min";
        if (expected.metricsSource() == MetricsSource.SIMULATE) {
            List<String> missing =
                    metrics.stream().filter(m -> !present.contains(m)).toList();
            return missing.isEmpty()
                    ? CheckResult.pass(check, String.join(", ", metrics) + " published in the last " + minutes)
                    : CheckResult.fail(
                            check,
                            "no datum in the last " + minutes + " for " + String.join(", ", missing) + " ("
                                    + expected.metricsNamespace() + ", " + expected.pipelineDimension() + "=" + pipeline
                                    + ")");
        }
        if (!present.isEmpty()) {
            return CheckResult.pass(check, String.join(", ", present) + " published in the last " + minutes);
        }
        return fromFunctionLog(expected, pipeline, from, check, minutes);
    }

    private CheckResult fromFunctionLog(
            ExpectedStack expected, String pipeline, Instant from, String check, String minutes) {
        Optional<LogLines.Line> latest = LogLines.since(aws.logs(), expected.metricsLogGroup(), from).stream()
                .filter(line -> MetricsLine.EVENT.equals(line.text(LogFields.EVENT))
                        && pipeline.equals(line.text(MetricsLine.PIPELINE)))
                .max(Comparator.comparing(LogLines.Line::timestamp));
        if (latest.isEmpty()) {
            return CheckResult.fail(
                    check,
                    "no datum and no run of " + expected.metricsFunctionName() + " for it in the last " + minutes
                            + " (is " + expected.scheduleRuleName() + " enabled?)");
        }
        LogLines.Line line = latest.get();
        if (line.text(MetricsLine.ERROR) != null) {
            return CheckResult.fail(
                    check, expected.metricsFunctionName() + " failed for it: " + line.text(MetricsLine.ERROR));
        }
        var published = line.json().get(MetricsLine.PUBLISHED);
        if (published == null || published.isEmpty()) {
            var skipped = line.json().get(MetricsLine.SKIPPED);
            return CheckResult.skip(
                    check,
                    "skipped: no run yet; " + expected.metricsFunctionName() + " ran at " + line.timestamp()
                            + " and had nothing to measure" + (skipped == null ? "" : " " + skipped));
        }
        return CheckResult.fail(
                check,
                expected.metricsFunctionName() + " published " + published + " but CloudWatch has no datum in the last "
                        + minutes);
    }
}
