package com.datapipeline.monitoring.cdk.pipeline;

import software.amazon.awscdk.ArnComponents;
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

    /** Data Quality results are authorized on their ruleset. */
    public static String dataQualityRuleset(Stack stack, String rulesetName) {
        return stack.formatArn(ArnComponents.builder()
                .service("glue")
                .resource("dataQualityRuleset")
                .resourceName(rulesetName)
                .build());
    }
}
