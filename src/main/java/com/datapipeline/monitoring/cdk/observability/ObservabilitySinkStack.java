package com.datapipeline.monitoring.cdk.observability;

import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.CrossAccountSettings;
import com.datapipeline.monitoring.contract.CustomMetric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.oam.CfnSink;
import software.constructs.Construct;

/**
 * For the monitoring account: a CloudWatch Observability Access Manager sink that the listed source
 * accounts (or an organization's) may link to, sharing metrics, logs and traces; and a dashboard whose
 * SEARCH expressions draw every linked account's pipelines side by side (in a monitoring account, SEARCH
 * also returns the metrics of linked source accounts).
 */
public final class ObservabilitySinkStack extends Stack {
    public static final List<String> SHARED_RESOURCE_TYPES =
            List.of("AWS::CloudWatch::Metric", "AWS::Logs::LogGroup", "AWS::XRay::Trace");

    private final CfnSink sink;

    public ObservabilitySinkStack(
            Construct scope, String id, StackProps props, String name, CrossAccountSettings observability) {
        super(scope, id, props);
        sink = CfnSink.Builder.create(this, "Sink")
                .name(name)
                .policy(policy(observability))
                .build();
        CfnOutput.Builder.create(this, "SinkArn")
                .description("Give this to each source account as observabilitySinkArn")
                .value(sink.getAttrArn())
                .build();

        Dashboard dashboard = Dashboard.Builder.create(this, "AllAccounts")
                .dashboardName(name + "-all-accounts")
                .build();
        for (String metric : Stream.of(
                        CustomMetric.ERROR_RATE,
                        CustomMetric.DATA_QUALITY_SCORE,
                        CustomMetric.PROCESSING_LATENCY,
                        CustomMetric.RECORDS_PROCESSED,
                        CustomMetric.SECONDS_SINCE_LAST_SUCCESS,
                        CustomMetric.LONGEST_RUNNING_SECONDS)
                .map(CustomMetric::metricName)
                .toList()) {
            IMetric everyPipeline = MathExpression.Builder.create()
                    .expression("SEARCH('{" + CustomMetric.NAMESPACE + "," + CustomMetric.PIPELINE_DIMENSION
                            + "} MetricName=\"" + metric + "\"', 'Maximum', 300)")
                    .label("")
                    .period(PipelineMetricSet.PERIOD)
                    .build();
            dashboard.addWidgets(GraphWidget.Builder.create()
                    .title(metric + " - every linked account")
                    .left(List.of(everyPipeline))
                    .width(12)
                    .build());
        }
    }

    /** Linking is allowed for the listed accounts and/or the organization, and only for the shared types. */
    private static Map<String, Object> policy(CrossAccountSettings observability) {
        Map<String, Object> principal =
                observability.sourceAccounts().isEmpty() ? Map.of() : Map.of("AWS", observability.sourceAccounts());
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("ForAllValues:StringEquals", Map.of("oam:ResourceTypes", SHARED_RESOURCE_TYPES));
        observability
                .organizationId()
                .ifPresent(org -> condition.put("StringEquals", Map.of("aws:PrincipalOrgID", org)));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", principal.isEmpty() ? "*" : principal);
        statement.put("Action", List.of("oam:CreateLink", "oam:UpdateLink"));
        statement.put("Resource", "*");
        statement.put("Condition", condition);
        return new TreeMap<>(Map.of("Statement", List.of(statement), "Version", "2012-10-17"));
    }

    public CfnSink sink() {
        return sink;
    }
}
