package com.datapipeline.monitoring.cdk.pipeline;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;

/** ARNs of Glue jobs, for IAM statements scoped to exactly the monitored jobs. */
public final class GlueArns {
    private GlueArns() {
    }

    public static String job(Stack stack, String jobName) {
        return stack.formatArn(ArnComponents.builder().service("glue").resource("job").resourceName(jobName).build());
    }
}
