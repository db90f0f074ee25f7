package com.datapipeline.monitoring.cdk.catalog;

import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.contract.CustomMetric;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The metrics of a pipeline's stages other than its job, from the event history's metric filters. Events name the
 * crawler, not the pipeline, so a stage's series has the stage's own dimension (Crawler = the crawler's name) and a
 * pipeline's signal combines its stages' series.
 */
public final class StageMetrics {
    /** Count of "Glue Crawler State Change" events in state Failed, per crawler, from the event history. */
    public static final String FAILED_CRAWLS = "FailedCrawls";

    public static final String CRAWLER_DIMENSION = "Crawler";

    private StageMetrics() {}

    /** Failed crawls of the given crawlers per period: the one crawler's series, or the largest of theirs. */
    public static IMetric failedCrawls(List<String> crawlers) {
        if (crawlers.isEmpty() || crawlers.size() > PipelineStages.MAX_CRAWLERS) {
            throw new IllegalArgumentException(
                    "1 to " + PipelineStages.MAX_CRAWLERS + " crawlers, not " + crawlers.size());
        }
        if (crawlers.size() == 1) {
            return failedCrawls(crawlers.get(0));
        }
        // FILL: a crawler that did not fail in a period has no data point, which would leave MAX without one.
        Map<String, IMetric> byId = IntStream.range(0, crawlers.size())
                .boxed()
                .collect(Collectors.toMap(i -> "c" + i, i -> failedCrawls(crawlers.get(i)), (a, b) -> a, TreeMap::new));
        return MathExpression.Builder.create()
                .expression("MAX(["
                        + byId.keySet().stream()
                                .map(id -> "FILL(" + id + ", 0)")
                                .collect(Collectors.joining(", ")) + "])")
                .usingMetrics(byId)
                .label(FAILED_CRAWLS)
                .period(PipelineMetricSet.PERIOD)
                .build();
    }

    private static Metric failedCrawls(String crawler) {
        return Metric.Builder.create()
                .namespace(CustomMetric.NAMESPACE)
                .metricName(FAILED_CRAWLS)
                .dimensionsMap(Map.of(CRAWLER_DIMENSION, crawler))
                .statistic("Sum")
                .period(PipelineMetricSet.PERIOD)
                .build();
    }
}
