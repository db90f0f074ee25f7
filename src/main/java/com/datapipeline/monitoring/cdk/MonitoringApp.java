package com.datapipeline.monitoring.cdk;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.config.SettingsReader;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app: reads the settings, builds the one stack, and writes a short summary beside the templates. */
public final class MonitoringApp {
    public static final String STACK_NAME = "DataPipelineMonitoringStack";
    public static final String SUMMARY_FILE = "monitoring-summary.txt";

    private MonitoringApp() {
    }

    public static void main(String[] args) {
        try {
            App app = new App();
            MonitoringStack stack = build(app, LambdaArtifacts.fromBuildOutputs(Path.of("")), Path.of("").toAbsolutePath());
            Path outdir = Path.of(app.synth().getDirectory());
            Files.writeString(outdir.resolve(SUMMARY_FILE), DeploymentSummary.of(stack));
        } catch (ConfigurationException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("Could not write the deployment summary: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Builds the stack from the app's context; tests call this with their own artifacts. */
    @SuppressWarnings("unchecked")
    public static MonitoringStack build(App app, LambdaArtifacts artifacts, Path projectRoot) {
        Map<String, Object> context = (Map<String, Object>) app.getNode().getAllContext();
        MonitoringSettings settings = SettingsReader.read(context);
        return new MonitoringStack(app, settings.prefix() + STACK_NAME, StackProps.builder()
                .env(environmentFromCli())
                .description("Monitoring and alerting for AWS Glue data pipelines (lab 5.2 as code)")
                .build(), settings, artifacts, projectRoot);
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
