package com.datapipeline.monitoring.cdk.functions;

import com.datapipeline.monitoring.cdk.alerting.AlertDelivery;
import com.datapipeline.monitoring.cdk.checks.TemplateCheckExceptions;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IDestination;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.constructs.Construct;

/**
 * The one way this app creates a Java Lambda function: java25 runtime, its own log group with a
 * retention and a removal policy (so `cdk destroy` leaves no logs behind), explicit memory and timeout,
 * and a role that starts with nothing beyond writing to that log group.
 *
 * <p>The function's JSON configuration travels in a small Lambda layer, as the file the contract names
 * ({@link MonitoringFunction#configFilePath()}, named by {@link MonitoringFunction#configFileVariable()}): environment
 * variables are limited to 4 KB in all, which a route table outgrows at about seven pipelines.
 */
public final class JavaFunction {
    public static final Runtime RUNTIME = Runtime.JAVA_25;
    /** Where Lambda extracts a layer's content. */
    private static final Path LAYER_MOUNT = Path.of("/opt");

    private JavaFunction() {
    }

    public static Function create(Construct scope, String id, Spec spec) {
        LogGroup logGroup = LogGroup.Builder.create(scope, id + "Logs")
                .logGroupName("/aws/lambda/" + spec.functionName())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // RetentionDays is an enum without its day count in Java; the validated number goes in directly.
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(spec.logRetentionDays());
        // An own role instead of AWSLambdaBasicExecutionRole, whose log permissions cover every log group.
        Role role = Role.Builder.create(scope, id + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Role of " + spec.functionName())
                .build();
        logGroup.grantWrite(role);
        Function.Builder builder = Function.Builder.create(scope, id)
                .role(role)
                .functionName(spec.functionName())
                .description(spec.description())
                .runtime(RUNTIME)
                .architecture(Architecture.X86_64)
                .handler(spec.function().handler())
                .code(spec.code())
                .memorySize(spec.memoryMb())
                .timeout(spec.timeout())
                .environment(environment(spec))
                .layers(List.of(configurationLayer(scope, id, spec)))
                .logGroup(logGroup);
        if (spec.tracing()) {
            builder.tracing(Tracing.ACTIVE);
        }
        if (spec.onFailure() != null) {
            // A notification older than this is no use to act on; it goes to the failure destination instead.
            builder.onFailure(spec.onFailure()).retryAttempts(2).maxEventAge(AlertDelivery.MAX_EVENT_AGE);
        }
        Function function = builder.build();
        if (spec.tracing()) {
            TemplateCheckExceptions.cdkNag(role, "AwsSolutions-IAM5", "X-Ray's PutTraceSegments and"
                    + " PutTelemetryRecords have no resource-level permissions.", List.of("Resource::*"));
        }
        // CDK adds a DependsOn on the role that its GetAtt already implies; harmless, and not ours to change.
        TemplateCheckExceptions.cfnLint(function, "W3005");
        TemplateCheckExceptions.checkov(function, "CKV_AWS_117", "Calls only AWS APIs; a VPC would add NAT or"
                + " endpoint costs and cold-start time without isolating anything.");
        TemplateCheckExceptions.checkov(function, "CKV_AWS_115", "Reserved concurrency fails to deploy in accounts"
                + " with the default concurrency quota of 10; invocations are bounded by the 5-minute schedule and"
                + " by alarm transitions.");
        TemplateCheckExceptions.checkov(function, "CKV_AWS_173", "The environment holds only the pipeline list and"
                + " route table, no secrets; Lambda encrypts it at rest with an AWS managed key.");
        TemplateCheckExceptions.checkov(logGroup, "CKV_AWS_158", "Decision and metric log lines hold no sensitive"
                + " data; CloudWatch Logs encrypts them at rest by default.");
        return function;
    }

    private static Map<String, String> environment(Spec spec) {
        Map<String, String> environment = new TreeMap<>();
        environment.put(spec.function().configFileVariable(), spec.function().configFilePath());
        if (spec.tracing()) {
            environment.put(MonitoringFunction.SDK_CALL_TRACING_VARIABLE, "true");
        }
        return environment;
    }

    private static LayerVersion configurationLayer(Construct scope, String id, Spec spec) {
        if (Token.isUnresolved(spec.configJson())) {
            throw new IllegalStateException(spec.function().configVariable()
                    + " must be plain JSON, without deploy-time values");
        }
        try {
            Path staging = Files.createTempDirectory("function-configuration");
            Path file = staging.resolve(LAYER_MOUNT.relativize(Path.of(spec.function().configFilePath())));
            Files.createDirectories(file.getParent());
            Files.writeString(file, spec.configJson());
            // The CLI zips the layer with each file's mode: fix it, so the umask cannot change the layer's bytes.
            if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return LayerVersion.Builder.create(scope, id + "Configuration")
                    .description("Configuration of " + spec.functionName()
                            + " (" + spec.function().configVariable() + ")")
                    .code(Code.fromAsset(staging.toString()))
                    .compatibleRuntimes(List.of(RUNTIME))
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the configuration of " + spec.functionName(), e);
        }
    }

    /**
     * @param function   which function: its handler, and where it reads its configuration
     * @param configJson the configuration, plain JSON
     * @param onFailure where an event goes after Lambda's async retries; null for none
     * @param tracing   X-Ray active tracing
     */
    public record Spec(
            String functionName,
            String description,
            MonitoringFunction function,
            Code code,
            int memoryMb,
            Duration timeout,
            String configJson,
            int logRetentionDays,
            IDestination onFailure,
            boolean tracing) {
        public Spec {
            Objects.requireNonNull(functionName, "functionName");
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(configJson, "configJson");
        }
    }
}
