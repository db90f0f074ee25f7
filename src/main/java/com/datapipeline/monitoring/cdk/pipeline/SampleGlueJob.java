package com.datapipeline.monitoring.cdk.pipeline;

import com.datapipeline.monitoring.cdk.checks.TemplateCheckExceptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnJob;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * The lab's sample pipeline: the Glue database and the Spark ETL job that runs
 * {@code glue-scripts/sample_etl_job.py}, with job metrics, continuous logging, a timeout and one run at
 * a time. Its role may read only its own script, write only Glue's log groups, and put metrics only into
 * the {@code Glue} namespace.
 */
public final class SampleGlueJob extends Construct {
    /** Glue 5.0 (Spark 3.5, Python 3.11); 0.9-2.0 reached end of life and 3.0 is outdated. */
    public static final String GLUE_VERSION = "5.0";

    private final CfnJob job;
    private final CfnDatabase database;
    private final Role role;

    public SampleGlueJob(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);

        database = CfnDatabase.Builder.create(this, "Database")
                .catalogId(stack.getAccount())
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(props.databaseName())
                        .description("Database of the monitored sample pipeline")
                        .build())
                .build();

        Asset script = Asset.Builder.create(this, "Script")
                .path(props.scriptPath().toString())
                .build();

        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("glue.amazonaws.com"))
                .description("Least-privilege role of Glue job " + props.jobName())
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ReadOwnScript")
                .actions(List.of("s3:GetObject"))
                .resources(List.of(stack.formatArn(ArnComponents.builder()
                        .service("s3")
                        .region("")
                        .account("")
                        .resource(script.getS3BucketName())
                        .resourceName(script.getS3ObjectKey())
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                        .build())))
                .build());
        List<String> logGroupArns = GlueLogGroups.ALL.stream()
                .map(group -> GlueLogGroups.arn(stack, group))
                .toList();
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("WriteGlueLogs")
                .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(logGroupArns)
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("PutGlueJobMetrics")
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", "Glue")))
                .build());

        job = CfnJob.Builder.create(this, "Job")
                .name(props.jobName())
                .description("Lab 5.2 sample ETL job: simulated batches, occasional warnings and a 10% failure rate")
                .role(role.getRoleArn())
                .glueVersion(GLUE_VERSION)
                .workerType("G.1X")
                .numberOfWorkers(2)
                .timeout(props.timeoutMinutes())
                .maxRetries(0)
                .executionProperty(CfnJob.ExecutionPropertyProperty.builder()
                        .maxConcurrentRuns(1)
                        .build())
                // Glue emits a "Glue Job Run Status" event for a run still going after this many minutes.
                .notificationProperty(CfnJob.NotificationPropertyProperty.builder()
                        .notifyDelayAfter(props.notifyDelayMinutes())
                        .build())
                .command(CfnJob.JobCommandProperty.builder()
                        .name("glueetl")
                        .pythonVersion("3")
                        .scriptLocation(script.getS3ObjectUrl())
                        .build())
                .defaultArguments(new TreeMap<>(Map.of(
                        "--job-language", "python",
                        "--enable-metrics", "true",
                        "--enable-observability-metrics", "true",
                        // Job run insights: a failed run's root cause, which the response function classifies.
                        "--enable-job-insights", "true",
                        "--enable-continuous-cloudwatch-log", "true",
                        "--job-bookmark-option", "job-bookmark-disable")))
                .build();

        TemplateCheckExceptions.cdkNag(
                role,
                "AwsSolutions-IAM5",
                "Glue names its log streams after each run id,"
                        + " so writing logs needs the ':*' stream wildcard on each of Glue's three job log groups, and"
                        + " nothing wider.",
                GlueLogGroups.ALL.stream().map(GlueLogGroups::arnAsNagFinding).toList());
        TemplateCheckExceptions.cdkNag(
                role,
                "AwsSolutions-IAM5",
                "cloudwatch:PutMetricData has no resource-level"
                        + " permissions; the statement is limited to the Glue namespace by the cloudwatch:namespace"
                        + " condition.",
                List.of("Resource::*"));
        String noSecurityConfiguration = "A security configuration with CloudWatch encryption moves Glue's logs into"
                + " configuration-specific log groups that the dashboard, saved queries and metrics function do not"
                + " read; the sample job logs only simulated batch counts, which CloudWatch Logs encrypts at rest.";
        TemplateCheckExceptions.cdkNag(job, "AwsSolutions-GL1", noSecurityConfiguration, List.of());
        TemplateCheckExceptions.checkov(job, "CKV_AWS_195", noSecurityConfiguration);
        TemplateCheckExceptions.cdkNag(
                job,
                "AwsSolutions-GL3",
                "The sample job disables job bookmarks"
                        + " (--job-bookmark-option job-bookmark-disable), so there is no bookmark data to encrypt.",
                List.of());
    }

    public String jobName() {
        return job.getName();
    }

    public CfnJob job() {
        return job;
    }

    public CfnDatabase database() {
        return database;
    }

    public Role role() {
        return role;
    }

    public record Props(
            String jobName, String databaseName, Path scriptPath, int timeoutMinutes, int notifyDelayMinutes) {
        public Props {
            Objects.requireNonNull(jobName, "jobName");
            Objects.requireNonNull(databaseName, "databaseName");
            Objects.requireNonNull(scriptPath, "scriptPath");
        }
    }
}
