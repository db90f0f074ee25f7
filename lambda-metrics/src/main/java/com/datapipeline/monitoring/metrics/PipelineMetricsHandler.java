package com.datapipeline.monitoring.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.lambda.ConfigurationText;
import com.datapipeline.monitoring.lambda.LambdaSdkClients;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lambda entry point of DataPipelineMetricsFunction, invoked by an EventBridge schedule (the event's content
 * is not used). Measures every pipeline of its configuration ({@link MetricsConfig}) and writes CloudWatch EMF lines to
 * stdout; returns the summary of {@link PipelineMetricsPublisher}.
 */
public final class PipelineMetricsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final PipelineMetricsPublisher publisher;

    /** Used by Lambda: config and clients are built once per container. */
    public PipelineMetricsHandler() {
        this(
                MetricsConfig.parse(ConfigurationText.required(MonitoringFunction.METRICS, System::getenv)),
                LambdaSdkClients.fromLambdaEnvironment(),
                Clock.systemUTC(),
                RandomGenerator.getDefault(),
                System.out::println);
    }

    /** For tests: the same wiring with the given clients, clock, random source and output. */
    public PipelineMetricsHandler(
            MetricsConfig config,
            LambdaSdkClients clients,
            Clock clock,
            RandomGenerator random,
            Consumer<String> stdout) {
        this(
                config,
                clients.build(GlueClient.builder()),
                clients.build(CloudWatchLogsClient.builder()),
                // Path-style only against an endpoint override (the emulator); AWS itself uses virtual hosts.
                clients.build(S3Client.builder().forcePathStyle(clients.endpoint() != null)),
                clock,
                random,
                stdout);
    }

    private PipelineMetricsHandler(
            MetricsConfig config,
            GlueClient glue,
            CloudWatchLogsClient logs,
            S3Client s3,
            Clock clock,
            RandomGenerator random,
            Consumer<String> stdout) {
        MetricsCollector glueCollector = new TriggerStateCollector(
                new WorkflowRunCollector(
                        new OutputFreshnessCollector(
                                new GlueMetricsCollector(
                                        new GlueJobRunSource(glue),
                                        new CloudWatchLogsRecordsReader(logs),
                                        new GlueDataQualitySource(glue),
                                        clock,
                                        config.lookback(),
                                        config.interval()),
                                new AwsOutputUpdateSource(glue, s3),
                                clock),
                        new GlueWorkflowRunSource(glue),
                        clock),
                new GlueTriggerStateSource(glue));
        this.publisher = new PipelineMetricsPublisher(
                config,
                Map.of(
                        MetricsSource.GLUE,
                        glueCollector,
                        MetricsSource.SIMULATE,
                        new SimulatedMetricsCollector(random)),
                clock,
                stdout,
                stdout);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return publisher.publishAll().toMap();
    }
}
