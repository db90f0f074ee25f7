package com.datapipeline.monitoring.cdk.pipeline;

import com.datapipeline.monitoring.cdk.checks.TemplateCheckExceptions;
import com.datapipeline.monitoring.cdk.config.SampleChain;
import com.datapipeline.monitoring.contract.GlueEvents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.glue.CfnCrawler;
import software.amazon.awscdk.services.glue.CfnDataQualityRuleset;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnJob;
import software.amazon.awscdk.services.glue.CfnTrigger;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * The lab's sample pipeline, a small chain ({@link SampleChain}): the Glue database and the Spark ETL job that runs
 * {@code glue-scripts/sample_etl_job.py}, with job metrics, continuous logging, a timeout and one run at a time; the
 * job writes a partition per successful run into its output bucket; a conditional trigger starts a crawler over that
 * output when a run succeeds, and the crawler adds the partition to the output table; a Data Quality ruleset judges
 * the table. The job's role may read only its own script, write only its output folder and Glue's log groups, and put
 * metrics only into the {@code Glue} namespace; the crawler's role may read only the output folder, change only the
 * output table and write only the crawlers' log group.
 */
public final class SampleGlueJob extends Construct {
    /** Glue 5.0 (Spark 3.5, Python 3.11); 0.9-2.0 reached end of life and 3.0 is outdated. */
    public static final String GLUE_VERSION = "5.0";

    /** The job argument naming the output folder; {@code sample_etl_job.py} reads it. */
    public static final String OUTPUT_PATH_ARGUMENT = "--output_path";

    static final int OUTPUT_EXPIRY_DAYS = 30;

    /** Glue Data Quality Definition Language: a run's row exists and counts what it processed. */
    static final String OUTPUT_RULES =
            "Rules = [ RowCount > 0, IsComplete \"run_id\"," + " ColumnValues \"records_processed\" > 0 ]";

    private final CfnJob job;
    private final CfnDatabase database;
    private final Role role;
    private final Bucket output;
    private final CfnCrawler crawler;
    private final CfnTrigger trigger;
    private final CfnDataQualityRuleset ruleset;

    public SampleGlueJob(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);

        database = CfnDatabase.Builder.create(this, "Database")
                .catalogId(stack.getAccount())
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(props.chain().database())
                        .description("Database of the monitored sample pipeline")
                        .build())
                .build();

        Asset script = Asset.Builder.create(this, "Script")
                .path(props.scriptPath().toString())
                .build();

        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("glue.amazonaws.com"))
                .description("Least-privilege role of Glue job " + props.chain().jobName())
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

        // The output of the chain. No server access logs, versioning or replication: it holds the sample's simulated
        // batch counts, a row per run, which expire after OUTPUT_EXPIRY_DAYS.
        output = Bucket.Builder.create(this, "Output")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(Duration.days(OUTPUT_EXPIRY_DAYS))
                        .build()))
                .build();
        String outputFolder = SampleChain.OUTPUT_FOLDER + "/";
        String outputObjects = output.arnForObjects(outputFolder + "*");
        // The job's writer also checks and may mark the folder itself (the key "records", Hadoop-style
        // "records_$folder$"), so it may use the keys that start with the folder's name, not only those in it.
        String writtenKeys = SampleChain.OUTPUT_FOLDER + "*";
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("WriteOwnOutput")
                .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
                .resources(List.of(output.arnForObjects(writtenKeys)))
                .build());
        role.addToPolicy(listOutputFolder(writtenKeys));

        job = CfnJob.Builder.create(this, "Job")
                .name(props.chain().jobName())
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
                        "--job-language",
                        "python",
                        "--enable-metrics",
                        "true",
                        "--enable-observability-metrics",
                        "true",
                        // Job run insights: a failed run's root cause, which the response function classifies.
                        "--enable-job-insights",
                        "true",
                        "--enable-continuous-cloudwatch-log",
                        "true",
                        "--job-bookmark-option",
                        "job-bookmark-disable",
                        OUTPUT_PATH_ARGUMENT,
                        output.s3UrlForObject(outputFolder))))
                .build();

        Role crawlerRole = Role.Builder.create(this, "CrawlerRole")
                .assumedBy(new ServicePrincipal("glue.amazonaws.com"))
                .description(
                        "Least-privilege role of Glue crawler " + props.chain().crawler())
                .build();
        crawlerRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("ReadOutput")
                .actions(List.of("s3:GetObject"))
                .resources(List.of(outputObjects))
                .build());
        crawlerRole.addToPolicy(listOutputFolder(outputFolder + "*"));
        crawlerRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("CatalogOutputTable")
                .actions(List.of(
                        "glue:GetDatabase",
                        "glue:GetTable",
                        "glue:CreateTable",
                        "glue:UpdateTable",
                        "glue:GetPartition",
                        "glue:GetPartitions",
                        "glue:BatchGetPartition",
                        "glue:CreatePartition",
                        "glue:BatchCreatePartition",
                        "glue:UpdatePartition",
                        "glue:BatchUpdatePartition"))
                .resources(List.of(
                        GlueArns.catalog(stack),
                        GlueArns.database(stack, props.chain().database()),
                        GlueArns.table(stack, props.chain().database(), SampleChain.OUTPUT_TABLE)))
                .build());
        crawlerRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("WriteCrawlerLogs")
                .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(GlueLogGroups.arn(stack, GlueLogGroups.CRAWLERS)))
                .build());

        crawler = CfnCrawler.Builder.create(this, "Crawler")
                .name(props.chain().crawler())
                .description(
                        "Adds each run's partition of the sample job's output to table " + SampleChain.OUTPUT_TABLE)
                .role(crawlerRole.getRoleArn())
                .databaseName(props.chain().database())
                .targets(CfnCrawler.TargetsProperty.builder()
                        .s3Targets(List.of(CfnCrawler.S3TargetProperty.builder()
                                .path(output.s3UrlForObject(outputFolder))
                                .build()))
                        .build())
                // One table for the folder, whatever a run's files look like; new partitions only.
                .configuration("{\"Version\":1.0,\"Grouping\":{\"TableGroupingPolicy\":\"CombineCompatibleSchemas\"}}")
                .recrawlPolicy(CfnCrawler.RecrawlPolicyProperty.builder()
                        .recrawlBehavior("CRAWL_NEW_FOLDERS_ONLY")
                        .build())
                .schemaChangePolicy(CfnCrawler.SchemaChangePolicyProperty.builder()
                        .updateBehavior("LOG")
                        .deleteBehavior("LOG")
                        .build())
                .build();
        crawler.getNode().addDependency(database);

        // The chain: a run that succeeds starts the crawler (Glue evaluates the predicate on the job's run state).
        trigger = CfnTrigger.Builder.create(this, "CrawlOnSuccess")
                .name(props.chain().trigger())
                .description("Starts " + props.chain().crawler() + " when a run of "
                        + props.chain().jobName() + " succeeds")
                .type("CONDITIONAL")
                .startOnCreation(true)
                .predicate(CfnTrigger.PredicateProperty.builder()
                        // What Glue reads when one condition leaves it out; said, so that a read-back compares equal.
                        .logical("AND")
                        .conditions(List.of(CfnTrigger.ConditionProperty.builder()
                                .jobName(props.chain().jobName())
                                .state(GlueEvents.JOB_SUCCEEDED)
                                .logicalOperator("EQUALS")
                                .build()))
                        .build())
                .actions(List.of(CfnTrigger.ActionProperty.builder()
                        .crawlerName(props.chain().crawler())
                        .build()))
                .build();
        trigger.getNode().addDependency(job);
        trigger.getNode().addDependency(crawler);

        ruleset = CfnDataQualityRuleset.Builder.create(this, "OutputChecks")
                .name(props.chain().ruleset())
                .description("Judges the sample job's output table " + SampleChain.OUTPUT_TABLE)
                .ruleset(OUTPUT_RULES)
                .targetTable(CfnDataQualityRuleset.DataQualityTargetTableProperty.builder()
                        .databaseName(props.chain().database())
                        .tableName(SampleChain.OUTPUT_TABLE)
                        .build())
                .build();
        ruleset.getNode().addDependency(database);

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
        TemplateCheckExceptions.cdkNag(crawler, "AwsSolutions-GL1", noSecurityConfiguration, List.of());
        TemplateCheckExceptions.checkov(crawler, "CKV_AWS_195", noSecurityConfiguration);
        // cdk-nag names the bucket by its logical id in the finding.
        String bucketFinding = "Resource::<"
                + stack.resolve(stack.getLogicalId((CfnElement) output.getNode().getDefaultChild())) + ".Arn>/";
        String runFolders = "Each run writes its own folder under the output folder (run_id=...), so the objects are"
                + " named only at run time; the statement covers that folder of the sample's own bucket";
        TemplateCheckExceptions.cdkNag(
                role,
                "AwsSolutions-IAM5",
                runFolders + ", and the keys beside it that start with its name (the folder's own marker).",
                List.of(bucketFinding + writtenKeys));
        TemplateCheckExceptions.cdkNag(
                crawlerRole,
                "AwsSolutions-IAM5",
                runFolders + " and nothing wider.",
                List.of(bucketFinding + outputFolder + "*"));
        TemplateCheckExceptions.cdkNag(
                crawlerRole,
                "AwsSolutions-IAM5",
                "Glue names a crawler's log stream after the crawler, in the crawlers' log group that Glue creates;"
                        + " writing it needs the ':*' stream wildcard on that one group.",
                List.of(GlueLogGroups.arnAsNagFinding(GlueLogGroups.CRAWLERS)));
        String noAccessLogs = "The sample's output bucket holds a row of simulated batch counts per run, expiring"
                + " after " + OUTPUT_EXPIRY_DAYS + " days; access logs would need a second bucket for a demo's data.";
        TemplateCheckExceptions.cdkNag(output, "AwsSolutions-S1", noAccessLogs, List.of());
        TemplateCheckExceptions.checkov(output, "CKV_AWS_18", noAccessLogs);
        TemplateCheckExceptions.checkov(
                output,
                "CKV_AWS_21",
                "Each run writes a new folder and nothing overwrites a row; versions would only keep deleted demo"
                        + " rows beyond their expiry.");
        TemplateCheckExceptions.cdkNag(
                job,
                "AwsSolutions-GL3",
                "The sample job disables job bookmarks"
                        + " (--job-bookmark-option job-bookmark-disable), so there is no bookmark data to encrypt.",
                List.of());
    }

    /** s3:ListBucket for the keys that start with {@code keys} (a prefix ending in '*'). */
    private PolicyStatement listOutputFolder(String keys) {
        return PolicyStatement.Builder.create()
                .sid("ListOutputFolder")
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(output.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(keys))))
                .build();
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

    public Bucket output() {
        return output;
    }

    public CfnCrawler crawler() {
        return crawler;
    }

    public CfnTrigger trigger() {
        return trigger;
    }

    public CfnDataQualityRuleset ruleset() {
        return ruleset;
    }

    public record Props(SampleChain chain, Path scriptPath, int timeoutMinutes, int notifyDelayMinutes) {
        public Props {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(scriptPath, "scriptPath");
        }
    }
}
