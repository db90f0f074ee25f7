package com.datapipeline.monitoring.cdk.metrics;

import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MetricsSource;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.functions.JavaFunction;
import com.datapipeline.monitoring.cdk.pipeline.GlueArns;
import com.datapipeline.monitoring.cdk.pipeline.GlueLogGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * DataPipelineMetricsFunction and the EventBridge schedule that runs it every 5 minutes. The function
 * writes its metrics as CloudWatch Embedded Metric Format log lines, so it needs no CloudWatch
 * permission at all; it may only read the run history of the monitored jobs and Glue's output log group.
 */
public final class PipelineMetricsPublisher extends Construct {
    public static final String HANDLER = "com.datapipeline.monitoring.metrics.PipelineMetricsHandler::handleRequest";
    public static final String CONFIG_VARIABLE = "PIPELINES_CONFIG";
    public static final Duration SCHEDULE_RATE = Duration.minutes(5);
    public static final int LOOKBACK_MINUTES = 1440;
    public static final int MEMORY_MB = 512;

    private final Function function;
    private final Rule schedule;

    public PipelineMetricsPublisher(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        function = JavaFunction.create(this, "Function", new JavaFunction.Spec(
                props.functionName(),
                "Publishes DataPipelineMetrics for the monitored Glue jobs (" + props.source().configName() + " source)",
                HANDLER,
                props.code(),
                MEMORY_MB,
                Duration.seconds(60),
                Map.of(CONFIG_VARIABLE, configJson(stack, props)),
                props.logRetentionDays(),
                null));

        if (props.source() == MetricsSource.GLUE) {
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("ReadMonitoredJobRuns")
                    .actions(List.of("glue:GetJobRuns"))
                    .resources(props.pipelines().stream().map(p -> GlueArns.job(stack, p.jobName())).toList())
                    .build());
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("ReadJobSummaryLines")
                    .actions(List.of("logs:FilterLogEvents"))
                    .resources(List.of(stack.formatArn(ArnComponents.builder()
                            .service("logs").resource("log-group").resourceName(GlueLogGroups.OUTPUT + ":*")
                            .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())))
                    .build());
        }

        schedule = Rule.Builder.create(this, "Schedule")
                .ruleName(props.scheduleName())
                .description("Schedule for publishing custom data pipeline metrics")
                .schedule(Schedule.rate(SCHEDULE_RATE))
                .targets(List.of(LambdaFunction.Builder.create(function).retryAttempts(0).build()))
                .build();
    }

    /** The JSON the function reads from {@value #CONFIG_VARIABLE}; its parser is tested against this. */
    static String configJson(Stack stack, Props props) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("namespace", PipelineMetricSet.CUSTOM_NAMESPACE);
        config.put("lookbackMinutes", LOOKBACK_MINUTES);
        config.put("pipelines", props.pipelines().stream().map(pipeline -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", pipeline.jobName());
            entry.put("jobName", pipeline.jobName());
            entry.put("source", props.source().configName());
            entry.put("outputLogGroup", GlueLogGroups.OUTPUT);
            return entry;
        }).toList());
        return stack.toJsonString(config);
    }

    public Function function() {
        return function;
    }

    public Rule schedule() {
        return schedule;
    }

    public record Props(
            String functionName,
            String scheduleName,
            Code code,
            List<MonitoredPipeline> pipelines,
            MetricsSource source,
            int logRetentionDays) {
        public Props {
            Objects.requireNonNull(functionName, "functionName");
            Objects.requireNonNull(scheduleName, "scheduleName");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(source, "source");
            pipelines = List.copyOf(pipelines);
        }
    }
}
