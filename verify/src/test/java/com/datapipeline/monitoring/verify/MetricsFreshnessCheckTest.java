package com.datapipeline.monitoring.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.verify.CheckResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

class MetricsFreshnessCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<String> METRICS =
            List.of("DataQualityScore", "ErrorRate", "ProcessingLatency", "RecordsProcessed");

    private final Fakes.CloudWatch cloudWatch = new Fakes.CloudWatch();
    private final Fakes.Logs logs = new Fakes.Logs();

    private static ExpectedStack stack(MetricsSource source) {
        return new ExpectedStack(
                "DataPipelineMonitoringStack",
                List.of(new ExpectedStack.Topic("data-pipeline-alerts", List.of())),
                Optional.empty(),
                "AlarmResponseFunction",
                "DataPipelineMetricsFunction",
                "DataPipelineMetricsSchedule",
                "rate(5 minutes)",
                List.of(),
                List.of(),
                List.of("sample-etl-job"),
                source,
                "DataPipelineMetrics",
                "Pipeline",
                METRICS);
    }

    /** Answers GetMetricData with one datum for each named metric, none for the others. */
    private void publishing(Set<String> metrics) {
        cloudWatch.metricData = request -> GetMetricDataResponse.builder()
                .metricDataResults(request.metricDataQueries().stream()
                        .map(q -> MetricDataResult.builder()
                                .id(q.id())
                                .statusCode("Complete")
                                .values(
                                        metrics.contains(q.metricStat().metric().metricName())
                                                ? List.of(1.0)
                                                : List.of())
                                .timestamps(
                                        metrics.contains(q.metricStat().metric().metricName())
                                                ? List.of(NOW.minusSeconds(60))
                                                : List.of())
                                .build())
                        .toList())
                .build();
    }

    private List<CheckResult> check(MetricsSource source) {
        return new MetricsFreshnessCheck(Fakes.clients(cloudWatch, logs), new Fakes.ManualClock(NOW))
                .run(stack(source), Duration.ofMinutes(15));
    }

    @Test
    void simulateNeedsEveryMetricInTheWindow() {
        publishing(Set.of("ErrorRate", "ProcessingLatency"));

        assertThat(check(MetricsSource.SIMULATE))
                .containsExactly(
                        CheckResult.fail(
                                "metrics sample-etl-job",
                                "no datum in the last 15 min for DataQualityScore, RecordsProcessed (DataPipelineMetrics, Pipeline=sample-etl-job)"));
    }

    @Test
    void simulatePassesWithAllFour() {
        publishing(Set.copyOf(METRICS));

        assertThat(check(MetricsSource.SIMULATE).getFirst().status()).isEqualTo(Status.PASS);
    }

    @Test
    void glueAsksForTheRightMetricsAndPassesWithAnyOne() {
        publishing(Set.of("ErrorRate"));

        assertThat(check(MetricsSource.GLUE))
                .containsExactly(CheckResult.pass("metrics sample-etl-job", "ErrorRate published in the last 15 min"));
    }

    @Test
    void glueWithoutDataIsSkippedWhenTheFunctionHadNoRunToMeasure() {
        publishing(Set.of());
        logs.log(
                NOW.minusSeconds(120),
                "{\"level\":\"INFO\",\"event\":\"pipeline-metrics\",\"pipeline\":\"sample-etl-job\","
                        + "\"published\":{},\"skipped\":{\"ErrorRate\":\"no run finished in the window\"}}");

        CheckResult result = check(MetricsSource.GLUE).getFirst();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.detail())
                .startsWith("skipped: no run yet; DataPipelineMetricsFunction ran at 2026-11-25T09:58:00Z")
                .contains("no run finished in the window");
    }

    @Test
    void glueWithoutDataFailsWhenTheFunctionFailedOrNeverRan() {
        publishing(Set.of());
        assertThat(check(MetricsSource.GLUE).getFirst().detail())
                .isEqualTo("no datum and no run of DataPipelineMetricsFunction for it in the last 15 min"
                        + " (is DataPipelineMetricsSchedule enabled?)");

        logs.log(
                NOW.minusSeconds(60),
                "{\"level\":\"ERROR\",\"event\":\"pipeline-metrics\",\"pipeline\":\"sample-etl-job\","
                        + "\"published\":{},\"skipped\":{},\"error\":\"AccessDeniedException: glue:GetJobRuns\"}");
        assertThat(check(MetricsSource.GLUE))
                .containsExactly(CheckResult.fail(
                        "metrics sample-etl-job",
                        "DataPipelineMetricsFunction failed for it: AccessDeniedException: glue:GetJobRuns"));
    }
}
