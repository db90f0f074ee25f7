package com.datapipeline.monitoring.cdk.functions;

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
import java.util.Optional;
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
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
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

    private JavaFunction() {}

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
        spec.onFailure()
                .ifPresent(onFailure -> builder.onFailure(onFailure.destination())
                        .retryAttempts(2)
                        .maxEventAge(onFailure.maxEventAge()));
        Function function = builder.build();
        if (spec.tracing()) {
            TemplateCheckExceptions.cdkNag(
                    role,
                    "AwsSolutions-IAM5",
                    "X-Ray's PutTraceSegments and" + " PutTelemetryRecords have no resource-level permissions.",
                    List.of("Resource::*"));
        }
        // CDK adds a DependsOn on the role that its GetAtt already implies; harmless, and not ours to change.
        TemplateCheckExceptions.cfnLint(function, "W3005");
        TemplateCheckExceptions.checkov(
                function,
                "CKV_AWS_117",
                "Calls only AWS APIs; a VPC would add NAT or"
                        + " endpoint costs and cold-start time without isolating anything.");
        TemplateCheckExceptions.checkov(
                function,
                "CKV_AWS_115",
                "Reserved concurrency fails to deploy in accounts"
                        + " with the default concurrency quota of 10; invocations are bounded by the 5-minute schedule and"
                        + " by alarm transitions.");
        TemplateCheckExceptions.checkov(
                function,
                "CKV_AWS_173",
                "The environment holds only the pipeline list and"
                        + " route table, no secrets; Lambda encrypts it at rest with an AWS managed key.");
        TemplateCheckExceptions.checkov(
                logGroup,
                "CKV_AWS_158",
                "Decision and metric log lines hold no sensitive"
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
            throw new IllegalStateException(
                    spec.function().configVariable() + " must be plain JSON, without deploy-time values");
        }
        try {
            Path staging = Files.createTempDirectory("function-configuration");
            Path file = staging.resolve(
                    LAYER_MOUNT.relativize(Path.of(spec.function().configFilePath())));
            Files.createDirectories(file.getParent());
            Files.writeString(file, spec.configJson());
            // The CLI zips the layer with each file's mode: fix it, so the umask cannot change the layer's bytes.
            if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return LayerVersion.Builder.create(scope, id + "Configuration")
                    .description("Configuration of " + spec.functionName() + " ("
                            + spec.function().configVariable() + ")")
                    .code(Code.fromAsset(staging.toString()))
                    .compatibleRuntimes(List.of(RUNTIME))
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the configuration of " + spec.functionName(), e);
        }
    }

    /**
     * What differs between the app's functions; built with {@link #builder}, which names a missing setting.
     * A function without {@link Builder#onFailure} has no failure destination.
     */
    public static final class Spec {
        private final String functionName;
        private final String description;
        private final MonitoringFunction function;
        private final Code code;
        private final int memoryMb;
        private final Duration timeout;
        private final String configJson;
        private final int logRetentionDays;
        private final boolean tracing;
        private final Optional<OnFailure> onFailure;

        private Spec(Builder builder) {
            functionName = required(builder.functionName, "functionName");
            description = required(builder.description, "description");
            function = required(builder.function, "function");
            code = required(builder.code, "code");
            memoryMb = positive(builder.memoryMb, "memoryMb");
            timeout = required(builder.timeout, "timeout");
            configJson = required(builder.configJson, "configuration");
            logRetentionDays = positive(builder.logRetentionDays, "logRetentionDays");
            tracing = builder.tracing;
            onFailure = builder.onFailure;
        }

        /** A spec of the function named functionName: which of the contract's functions it is, and its code. */
        public static Builder builder(String functionName, Code code, MonitoringFunction function) {
            return new Builder().functionName(functionName).code(code).function(function);
        }

        public String functionName() {
            return functionName;
        }

        public String description() {
            return description;
        }

        /** Which function: its handler, and where it reads its configuration. */
        public MonitoringFunction function() {
            return function;
        }

        public Code code() {
            return code;
        }

        public int memoryMb() {
            return memoryMb;
        }

        public Duration timeout() {
            return timeout;
        }

        /** The configuration, plain JSON. */
        public String configJson() {
            return configJson;
        }

        public int logRetentionDays() {
            return logRetentionDays;
        }

        /** X-Ray active tracing, and a subsegment per SDK call. */
        public boolean tracing() {
            return tracing;
        }

        public Optional<OnFailure> onFailure() {
            return onFailure;
        }

        private static <T> T required(T value, String setting) {
            if (value == null) {
                throw new IllegalArgumentException("JavaFunction.Spec needs " + setting);
            }
            return value;
        }

        private static int positive(int value, String setting) {
            if (value <= 0) {
                throw new IllegalArgumentException("JavaFunction.Spec needs " + setting + " above 0");
            }
            return value;
        }

        public static final class Builder {
            private String functionName;
            private String description;
            private MonitoringFunction function;
            private Code code;
            private int memoryMb;
            private Duration timeout;
            private String configJson;
            private int logRetentionDays;
            private boolean tracing;
            private Optional<OnFailure> onFailure = Optional.empty();

            private Builder() {}

            private Builder functionName(String functionName) {
                this.functionName = functionName;
                return this;
            }

            public Builder description(String description) {
                this.description = description;
                return this;
            }

            private Builder function(MonitoringFunction function) {
                this.function = function;
                return this;
            }

            private Builder code(Code code) {
                this.code = code;
                return this;
            }

            public Builder memoryMb(int memoryMb) {
                this.memoryMb = memoryMb;
                return this;
            }

            public Builder timeout(Duration timeout) {
                this.timeout = timeout;
                return this;
            }

            /** The function's configuration, plain JSON (see the class comment). */
            public Builder configuration(String json) {
                this.configJson = json;
                return this;
            }

            public Builder logRetentionDays(int days) {
                this.logRetentionDays = days;
                return this;
            }

            public Builder tracing(boolean tracing) {
                this.tracing = tracing;
                return this;
            }

            /** Where an event goes after Lambda's async retries, or once it is older than maxEventAge. */
            public Builder onFailure(IDestination destination, Duration maxEventAge) {
                this.onFailure = Optional.of(new OnFailure(destination, maxEventAge));
                return this;
            }

            public Spec build() {
                return new Spec(this);
            }
        }
    }

    /** An asynchronous invocation's failure destination, and how old an event may get before it goes there. */
    public record OnFailure(IDestination destination, Duration maxEventAge) {
        public OnFailure {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(maxEventAge, "maxEventAge");
        }
    }
}
