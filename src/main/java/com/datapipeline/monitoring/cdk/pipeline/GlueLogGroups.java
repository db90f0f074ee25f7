package com.datapipeline.monitoring.cdk.pipeline;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * Where Glue writes job logs. They are shared by every Glue job in the account and Region and created
 * by Glue itself, so this app reads them but never creates or deletes them.
 * Glue 5.x: print() output goes to /aws-glue/jobs/output, Spark and Glue logs to /aws-glue/jobs/error;
 * Glue 4.0 and earlier with continuous logging also use /aws-glue/jobs/logs-v2.
 */
public final class GlueLogGroups {
    public static final String OUTPUT = "/aws-glue/jobs/output";
    public static final String ERROR = "/aws-glue/jobs/error";
    public static final String CONTINUOUS = "/aws-glue/jobs/logs-v2";
    public static final List<String> ALL = List.of(OUTPUT, ERROR, CONTINUOUS);
    /** Every crawler's log stream, named after the crawler; created by Glue like the job groups. */
    public static final String CRAWLERS = "/aws-glue/crawlers";

    private GlueLogGroups() {}

    /** The ARN IAM uses for a log group and its streams (the ':*' covers the streams). */
    public static String arn(Stack stack, String logGroupName) {
        return stack.formatArn(ArnComponents.builder()
                .service("logs")
                .resource("log-group")
                .resourceName(logGroupName + ":*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }

    /** {@link #arn} as cdk-nag writes it in a finding, for a suppression's {@code appliesTo}. */
    public static String arnAsNagFinding(String logGroupName) {
        return "Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:" + logGroupName + ":*";
    }
}
