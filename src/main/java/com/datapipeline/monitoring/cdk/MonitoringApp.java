package com.datapipeline.monitoring.cdk;

import com.datapipeline.monitoring.cdk.checks.DeployLimits;
import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.CrossAccountSettings;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.config.PipelinePlacement;
import com.datapipeline.monitoring.cdk.context.SettingsReader;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.datapipeline.monitoring.cdk.functions.StaleBuildException;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.observability.ObservabilityLinkStack;
import com.datapipeline.monitoring.cdk.observability.ObservabilitySinkStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/** The CDK app: reads the settings, builds the one stack, and writes a short summary beside the templates. */
public final class MonitoringApp {
    public static final String STACK_NAME = "DataPipelineMonitoringStack";
    public static final String SINK_STACK_NAME = "DataPipelineObservabilitySinkStack";
    public static final String LINK_STACK_NAME = "DataPipelineObservabilityLinkStack";
    public static final String SUMMARY_FILE = "monitoring-summary.txt";
    public static final String COST_FILE = "monitoring-cost.txt";
    public static final String DETAILS_FILE = "monitoring-details.txt";

    private MonitoringApp() {}

    /** Set to true, this environment variable applies cdk-nag's AwsSolutions checks at synth (`make check`). */
    public static final String NAG_VARIABLE = "CDK_NAG";

    public static void main(String[] args) {
        int status = synthesize(new App(), "true".equals(System.getenv(NAG_VARIABLE)));
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Synthesizes the app into its output directory with the summary, details and cost files beside the
     * templates, and checks the deploy limits (and cdk-nag's rules, with {@code nag}). Every problem is one line on
     * standard error; returns the exit status: 0, 1 for a failed check or synth, 2 for a configuration error.
     */
    public static int synthesize(App app, boolean nag) {
        try {
            if (nag) {
                Aspects.of(app)
                        .add(AwsSolutionsChecks.Builder.create().verbose(true).build());
            }
            MonitoringStack stack = build(
                    app,
                    LambdaArtifacts.fromBuildOutputs(Path.of("")),
                    Path.of("").toAbsolutePath());
            CloudAssembly assembly = app.synth();
            Path outdir = Path.of(assembly.getDirectory());
            DeploymentSummary.Facts facts = DeploymentSummary.facts(stack, outdir);
            Files.writeString(outdir.resolve(SUMMARY_FILE), DeploymentSummary.summary(facts));
            Files.writeString(outdir.resolve(DETAILS_FILE), DeploymentSummary.details(facts));
            Files.writeString(
                    outdir.resolve(COST_FILE),
                    stack.costEstimate().table() + "\n"
                            + stack.addedPipelineCost().table());
            List<String> limits = DeployLimits.check(outdir);
            limits.forEach(System.err::println);
            return !limits.isEmpty() || (nag && reportNagFindings(assembly) > 0) ? 1 : 0;
        } catch (ConfigurationException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return 2;
        } catch (StaleBuildException e) {
            System.err.println("Build needed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // e.g. CloudFormation's 500-resource limit with too many pipelines in one stack
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.err.println("Synth failed: " + message
                    + (message.contains("TooManyResourcesInStack")
                            ? " (split the monitored jobs over several deployments, each with its own prefix)"
                            : ""));
            return 1;
        } catch (IOException e) {
            System.err.println("Could not write the deployment summary: " + e.getMessage());
            return 1;
        }
    }

    /** Prints every cdk-nag error and warning as one line; returns how many there were. */
    private static int reportNagFindings(CloudAssembly assembly) {
        int findings = 0;
        for (CloudFormationStackArtifact stackArtifact : assembly.getStacks()) {
            for (SynthesisMessage message : stackArtifact.getMessages()) {
                if (message.getLevel() != SynthesisMessageLevel.INFO
                        && String.valueOf(message.getEntry().getData()).startsWith("AwsSolutions-")) {
                    System.err.println("cdk-nag " + message.getLevel() + ": " + stackArtifact.getTemplateFile() + " "
                            + message.getId() + ": " + message.getEntry().getData());
                    findings++;
                }
            }
        }
        return findings;
    }

    /**
     * Builds the monitoring stack from the app's context, plus the cross-account observability stacks
     * when configured; tests call this with their own artifacts.
     */
    @SuppressWarnings("unchecked")
    public static MonitoringStack build(App app, LambdaArtifacts artifacts, Path projectRoot) {
        applyFeatureFlags(app, projectRoot);
        Map<String, Object> context = (Map<String, Object>) app.getNode().getAllContext();
        MonitoringSettings settings = SettingsReader.read(context);
        settings.placement().ifPresent(PipelinePlacement::saveIfChanged);
        StackProps stackProps = StackProps.builder()
                .env(environmentFromCli())
                .description("Monitoring and alerting for AWS Glue data pipelines (lab 5.2 as code)")
                .build();
        MonitoringStack stack =
                new MonitoringStack(app, settings.prefix() + STACK_NAME, stackProps, settings, artifacts, projectRoot);
        CrossAccountSettings observability = settings.crossAccount();
        ResourceNames names = new ResourceNames(settings.prefix());
        if (observability.createsSink()) {
            new ObservabilitySinkStack(
                    app,
                    settings.prefix() + SINK_STACK_NAME,
                    StackProps.builder()
                            .env(environmentFromCli())
                            .description("Cross-account observability sink for data pipeline monitoring")
                            .build(),
                    names.shared(ResourceNames.OBSERVABILITY_SINK),
                    observability);
        }
        observability
                .sinkArn()
                .ifPresent(sinkArn -> new ObservabilityLinkStack(
                        app,
                        settings.prefix() + LINK_STACK_NAME,
                        StackProps.builder()
                                .env(environmentFromCli())
                                .description("Links this account's pipeline monitoring to a monitoring account")
                                .build(),
                        sinkArn));
        return stack;
    }

    /**
     * cdk.json's feature flags (the keys with a ':'), for an app that did not get them from the CDK CLI: tests, the
     * template checks and verify build the app themselves, and must build what `cdk deploy` deploys.
     */
    @SuppressWarnings("unchecked")
    private static void applyFeatureFlags(App app, Path projectRoot) {
        Path cdkJson = projectRoot.resolve("cdk.json");
        if (!Files.exists(cdkJson)) {
            return;
        }
        try {
            Map<String, Object> context = (Map<String, Object>)
                    new ObjectMapper().readValue(cdkJson.toFile(), Map.class).getOrDefault("context", Map.of());
            context.forEach((key, value) -> {
                if (key.contains(":") && app.getNode().tryGetContext(key) == null) {
                    app.getNode().setContext(key, value);
                }
            });
        } catch (IOException e) {
            throw new ConfigurationException("cdk.json cannot be read: " + e.getMessage());
        }
    }

    /** The account and Region the CDK CLI resolved, if any; without them the stack stays environment-agnostic. */
    private static Environment environmentFromCli() {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        if (account == null || region == null) {
            return null;
        }
        return Environment.builder().account(account).region(region).build();
    }
}
