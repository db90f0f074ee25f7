package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.DataQualityResultDescription;
import software.amazon.awssdk.services.glue.model.GetDataQualityResultRequest;
import software.amazon.awssdk.services.glue.model.GetDataQualityResultResponse;
import software.amazon.awssdk.services.glue.model.ListDataQualityResultsRequest;
import software.amazon.awssdk.services.glue.model.ListDataQualityResultsResponse;

/** moto implements neither ListDataQualityResults nor GetDataQualityResult, so this covers them with a stub client. */
class GlueDataQualitySourceTest {

    private static final Instant SINCE = Instant.parse("2026-05-31T12:00:00Z");

    /** A GlueClient answering only the two Data Quality calls from fixed data. */
    private static final class StubGlue implements GlueClient {
        final List<ListDataQualityResultsRequest> listRequests = new ArrayList<>();
        final Map<String, GetDataQualityResultResponse> results;
        final List<DataQualityResultDescription> descriptions;

        StubGlue(List<DataQualityResultDescription> descriptions, Map<String, GetDataQualityResultResponse> results) {
            this.descriptions = descriptions;
            this.results = results;
        }

        @Override
        public ListDataQualityResultsResponse listDataQualityResults(ListDataQualityResultsRequest request) {
            listRequests.add(request);
            return ListDataQualityResultsResponse.builder()
                    .results(descriptions)
                    .build();
        }

        @Override
        public GetDataQualityResultResponse getDataQualityResult(GetDataQualityResultRequest request) {
            return results.get(request.resultId());
        }

        @Override
        public String serviceName() {
            return "glue";
        }

        @Override
        public void close() {}
    }

    private static DataQualityResultDescription description(String id, String startedOn) {
        return DataQualityResultDescription.builder()
                .resultId(id)
                .jobName("orders-etl")
                .startedOn(Instant.parse(startedOn))
                .build();
    }

    private static GetDataQualityResultResponse result(String ruleset, String context, Double score) {
        return GetDataQualityResultResponse.builder()
                .rulesetName(ruleset)
                .evaluationContext(context)
                .score(score)
                .build();
    }

    @Test
    void returnsTheNewestScoreForTheRulesetFilteringByJobAndWindow() {
        StubGlue glue = new StubGlue(
                List.of(
                        description("old", "2026-06-01T08:00:00Z"),
                        description("new", "2026-06-01T11:00:00Z"),
                        description("other", "2026-06-01T11:30:00Z")),
                Map.of(
                        "old",
                        result("orders-rules", null, 0.5),
                        "new",
                        result("orders-rules", null, 0.92),
                        "other",
                        result("customers-rules", null, 0.1)));

        assertThat(new GlueDataQualitySource(glue).latestScore("orders-etl", "orders-rules", SINCE))
                .hasValue(0.92);
        assertThat(glue.listRequests.getFirst().filter().jobName()).isEqualTo("orders-etl");
        assertThat(glue.listRequests.getFirst().filter().startedAfter()).isEqualTo(SINCE);
    }

    @Test
    void matchesTheEvaluationContextOfRulesEvaluatedInsideTheJob() {
        StubGlue glue = new StubGlue(
                List.of(description("r1", "2026-06-01T11:00:00Z")), Map.of("r1", result(null, "orders-rules", 0.75)));
        assertThat(new GlueDataQualitySource(glue).latestScore("orders-etl", "orders-rules", SINCE))
                .hasValue(0.75);
    }

    @Test
    void noResultGivesNoScore() {
        StubGlue glue = new StubGlue(List.of(), Map.of());
        assertThat(new GlueDataQualitySource(glue).latestScore("orders-etl", "orders-rules", SINCE))
                .isEmpty();
    }

    @Test
    void resultWithoutAScoreGivesNoScore() {
        StubGlue glue = new StubGlue(
                List.of(description("r1", "2026-06-01T11:00:00Z")), Map.of("r1", result("orders-rules", null, null)));
        assertThat(new GlueDataQualitySource(glue).latestScore("orders-etl", "orders-rules", SINCE))
                .isEmpty();
    }
}
