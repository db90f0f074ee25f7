package com.datapipeline.monitoring.cdk.insights;

import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.GlueLogGroups;
import com.datapipeline.monitoring.contract.DecisionLine;
import com.datapipeline.monitoring.contract.LogFields;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.QueryDefinition;
import software.amazon.awscdk.services.logs.QueryString;
import software.constructs.Construct;

/**
 * The Logs Insights saved queries of lab step 11, plus the audit of AlarmResponseFunction's decisions.
 *
 * <p>The performance query differs from the lab's on purpose: the lab's {@code parse "Processed * records"}
 * also matches the job's final "Job completed successfully. Processed N records." line and so adds every
 * run's total to the sum of its batches, doubling the figure. Matching only the per-batch lines
 * ("Processed N records. Total: M") counts each record once.
 */
public final class SavedQueries extends Construct {
    private final QueryDefinition errorAnalysis;
    private final QueryDefinition performanceAnalysis;
    private final QueryDefinition responseAudit;

    public SavedQueries(Construct scope, String id, Props props) {
        super(scope, id);
        List<ILogGroup> glueLogs = GlueLogGroups.ALL.stream()
                .map(name -> LogGroup.fromLogGroupName(this, "Glue" + name.replace("/", "-"), name))
                .toList();
        errorAnalysis = QueryDefinition.Builder.create(this, "ErrorAnalysis")
                .queryDefinitionName(props.names().savedQuery(ResourceNames.ERROR_QUERY))
                .logGroups(glueLogs)
                .queryString(QueryString.Builder.create()
                        .fields(List.of("@timestamp", "@message"))
                        .filterStatements(List.of("@message like \"ERROR\""))
                        .sort("@timestamp desc")
                        .limit(20)
                        .build())
                .build();
        performanceAnalysis = QueryDefinition.Builder.create(this, "PerformanceAnalysis")
                .queryDefinitionName(props.names().savedQuery(ResourceNames.PERFORMANCE_QUERY))
                .logGroups(glueLogs)
                .queryString(QueryString.Builder.create()
                        .fields(List.of("@timestamp", "@message"))
                        .filterStatements(List.of("@message like \"Processed\"", "@message like \"Total:\""))
                        .parseStatements(
                                List.of("@message \"Processed * records. Total: *\" as records_count, running_total"))
                        .statsStatements(
                                List.of("sum(records_count) as total_records, avg(records_count) as avg_batch_size"))
                        .build())
                .build();
        responseAudit = QueryDefinition.Builder.create(this, "ResponseAudit")
                .queryDefinitionName(props.names().savedQuery(ResourceNames.RESPONSE_AUDIT_QUERY))
                .logGroups(List.of(props.responseFunctionLogGroup()))
                .queryString(QueryString.Builder.create()
                        .fields(Stream.concat(Stream.of("@timestamp"), DecisionLine.AUDIT_FIELDS.stream())
                                .toList())
                        .filterStatements(List.of(LogFields.EVENT + " = \"" + DecisionLine.EVENT + "\""))
                        .sort("@timestamp desc")
                        .limit(100)
                        .build())
                .build();
    }

    public List<QueryDefinition> queries() {
        return List.of(errorAnalysis, performanceAnalysis, responseAudit);
    }

    public record Props(ResourceNames names, ILogGroup responseFunctionLogGroup) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(responseFunctionLogGroup, "responseFunctionLogGroup");
        }
    }
}
