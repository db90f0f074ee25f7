package com.datapipeline.monitoring.cdk.pipeline;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/** ARNs of Glue resources, for IAM statements scoped to exactly what is monitored. */
public final class GlueArns {
    private GlueArns() {}

    public static String job(Stack stack, String jobName) {
        return stack.formatArn(ArnComponents.builder()
                .service("glue")
                .resource("job")
                .resourceName(jobName)
                .build());
    }

    /** The account's Data Catalog, which Glue authorizes with every database and table call. */
    public static String catalog(Stack stack) {
        return stack.formatArn(ArnComponents.builder()
                .service("glue")
                .resource("catalog")
                .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                .build());
    }

    public static String database(Stack stack, String database) {
        return stack.formatArn(ArnComponents.builder()
                .service("glue")
                .resource("database")
                .resourceName(database)
                .build());
    }

    public static String table(Stack stack, String database, String table) {
        return stack.formatArn(ArnComponents.builder()
                .service("glue")
                .resource("table")
                .resourceName(database + "/" + table)
                .build());
    }

    /** A workflow's runs (GetWorkflowRuns) are authorized on the workflow (resource type {@code workflow}). */
    public static String workflow(Stack stack, String workflowName) {
        return stack.formatArn(ArnComponents.builder()
                .service("glue")
                .resource("workflow")
                .resourceName(workflowName)
                .build());
    }

    /** A trigger (GetTrigger) is authorized on the trigger (resource type {@code trigger}). */
    public static String trigger(Stack stack, String triggerName) {
        return stack.formatArn(ArnComponents.builder()
                .service("glue")
                .resource("trigger")
                .resourceName(triggerName)
                .build());
    }

    /** Data Quality results are authorized on their ruleset. */
    public static String dataQualityRuleset(Stack stack, String rulesetName) {
        return stack.formatArn(ArnComponents.builder()
                .service("glue")
                .resource("dataQualityRuleset")
                .resourceName(rulesetName)
                .build());
    }

    /**
     * Finds the triggers that start a job (AlarmResponseFunction's TriggerPause). IAM authorizes it on no resource
     * type, so only {@code "*"} allows it (AWS Glue Developer Guide, "API permissions: actions and resources reference").
     */
    public static final String FIND_TRIGGERS_ACTION = "glue:GetTriggers";

    /** Pausing and resuming a failing job's triggers, authorized on each trigger. */
    public static final List<String> TRIGGER_STOP_START_ACTIONS = List.of("glue:StopTrigger", "glue:StartTrigger");

    /** Every trigger of the stack's account and Region: their names are the account's own, not this app's. */
    public static String allTriggers(Stack stack) {
        return stack.formatArn(ArnComponents.builder()
                .service("glue")
                .resource("trigger")
                .resourceName("*")
                .build());
    }

    /** {@link #allTriggers} as cdk-nag writes it in a finding, for a suppression's {@code appliesTo}. */
    public static String allTriggersAsNagFinding() {
        return "Resource::arn:<AWS::Partition>:glue:<AWS::Region>:<AWS::AccountId>:trigger/*";
    }
}
