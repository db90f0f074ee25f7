package com.datapipeline.monitoring.cdk.functions;

import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IDestination;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.constructs.Construct;

/**
 * The one way this app creates a Java Lambda function: java25 runtime, its own log group with a
 * retention and a removal policy (so `cdk destroy` leaves no logs behind), explicit memory and timeout,
 * and a role that starts with nothing beyond writing its own logs.
 */
public final class JavaFunction {
    public static final Runtime RUNTIME = Runtime.JAVA_25;

    private JavaFunction() {
    }

    public static Function create(Construct scope, String id, Spec spec) {
        LogGroup logGroup = LogGroup.Builder.create(scope, id + "Logs")
                .logGroupName("/aws/lambda/" + spec.functionName())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // RetentionDays is an enum without its day count in Java; the validated number goes in directly.
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(spec.logRetentionDays());
        Function.Builder builder = Function.Builder.create(scope, id)
                .functionName(spec.functionName())
                .description(spec.description())
                .runtime(RUNTIME)
                .architecture(Architecture.X86_64)
                .handler(spec.handler())
                .code(spec.code())
                .memorySize(spec.memoryMb())
                .timeout(spec.timeout())
                .environment(spec.environment())
                .logGroup(logGroup);
        if (spec.onFailure() != null) {
            builder.onFailure(spec.onFailure()).retryAttempts(2);
        }
        return builder.build();
    }

    /** @param onFailure where an event goes after Lambda's async retries; null for none */
    public record Spec(
            String functionName,
            String description,
            String handler,
            Code code,
            int memoryMb,
            Duration timeout,
            Map<String, String> environment,
            int logRetentionDays,
            IDestination onFailure) {
        public Spec {
            Objects.requireNonNull(functionName, "functionName");
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(timeout, "timeout");
            environment = Map.copyOf(environment);
        }
    }
}
