package com.datapipeline.monitoring.cdk;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SavedQueriesTest {
    private static final List<String> GLUE_LOG_GROUPS =
            List.of("/aws-glue/jobs/output", "/aws-glue/jobs/error", "/aws-glue/jobs/logs-v2");
    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = TestStacks.synthesize(Map.of()).template();
    }

    @Test
    void errorAnalysisKeepsTheLabsQuery() {
        template.hasResourceProperties(
                "AWS::Logs::QueryDefinition",
                Map.of(
                        "Name", "Glue Job Error Analysis",
                        "LogGroupNames", GLUE_LOG_GROUPS,
                        "QueryString",
                                "fields @timestamp, @message\n| filter @message like \"ERROR\"\n| sort @timestamp desc\n| limit 20"));
    }

    @Test
    void performanceAnalysisCountsOnlyBatchLinesSoTotalsAreNotDoubled() {
        template.hasResourceProperties(
                "AWS::Logs::QueryDefinition",
                Map.of(
                        "Name",
                        "Glue Job Performance Analysis",
                        "LogGroupNames",
                        GLUE_LOG_GROUPS,
                        "QueryString",
                        "fields @timestamp, @message"
                                + "\n| parse @message \"Processed * records. Total: *\" as records_count, running_total"
                                + "\n| filter @message like \"Processed\""
                                + "\n| filter @message like \"Total:\""
                                + "\n| stats sum(records_count) as total_records, avg(records_count) as avg_batch_size"));
    }

    @Test
    void responseAuditReadsTheResponseFunctionsDecisions() {
        template.hasResourceProperties(
                "AWS::Logs::QueryDefinition",
                Match.objectLike(Map.of(
                        "Name", "Alarm Response Audit",
                        "QueryString", Match.stringLikeRegexp(".*filter event = \"alarm-response\".*"),
                        "LogGroupNames",
                                List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmResponseFunctionLogs.*"))))));
    }
}
