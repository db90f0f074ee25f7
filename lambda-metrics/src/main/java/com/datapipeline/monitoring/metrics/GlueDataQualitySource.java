package com.datapipeline.monitoring.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.DataQualityResultDescription;
import software.amazon.awssdk.services.glue.model.DataQualityResultFilterCriteria;
import software.amazon.awssdk.services.glue.model.GetDataQualityResultResponse;
import software.amazon.awssdk.services.glue.model.ListDataQualityResultsRequest;
import software.amazon.awssdk.services.glue.model.ListDataQualityResultsResponse;

/**
 * {@link DataQualitySource} over Glue's {@code ListDataQualityResults} (filtered by job name and start time)
 * and {@code GetDataQualityResult}. The list has no ruleset filter, so results are fetched newest first until
 * one matches the ruleset name or, for rules evaluated inside an ETL job, the evaluation context.
 */
public final class GlueDataQualitySource implements DataQualitySource {

    // Bounds the GetDataQualityResult calls per pipeline and invocation.
    static final int MAX_RESULTS_INSPECTED = 20;

    private final GlueClient glue;

    public GlueDataQualitySource(GlueClient glue) {
        this.glue = glue;
    }

    @Override
    public OptionalDouble latestScore(String jobName, String ruleset, Instant since) {
        List<DataQualityResultDescription> descriptions = new ArrayList<>();
        String nextToken = null;
        do {
            ListDataQualityResultsResponse page = glue.listDataQualityResults(ListDataQualityResultsRequest.builder()
                    .filter(DataQualityResultFilterCriteria.builder()
                            .jobName(jobName)
                            .startedAfter(since)
                            .build())
                    .nextToken(nextToken)
                    .build());
            descriptions.addAll(page.results());
            nextToken = page.nextToken();
        } while (nextToken != null && !nextToken.isEmpty());
        descriptions.sort(Comparator.comparing(
                DataQualityResultDescription::startedOn, Comparator.nullsLast(Comparator.reverseOrder())));
        for (DataQualityResultDescription description :
                descriptions.stream().limit(MAX_RESULTS_INSPECTED).toList()) {
            GetDataQualityResultResponse result = glue.getDataQualityResult(r -> r.resultId(description.resultId()));
            if ((ruleset.equals(result.rulesetName()) || ruleset.equals(result.evaluationContext()))
                    && result.score() != null
                    && Double.isFinite(result.score())) {
                return OptionalDouble.of(result.score());
            }
        }
        return OptionalDouble.empty();
    }
}
