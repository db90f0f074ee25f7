package com.datapipeline.monitoring.response;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.lambda.ConfigurationText;
import com.datapipeline.monitoring.lambda.LambdaSdkClients;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Lambda entry point, subscribed to the {@code data-pipeline-remediation} topic. Thin: takes each SNS record's topic,
 * message id and message to {@link AlarmResponder}. Throwing (only on AWS failures) makes Lambda retry the async
 * invocation and finally send it to the on-failure destination.
 */
public final class AlarmResponseHandler implements RequestHandler<SNSEvent, Void> {

    private final AlarmResponder responder;

    /** Used by Lambda once per container: one Glue and one DynamoDB client, the configuration read once. */
    public AlarmResponseHandler() {
        this(fromLambdaEnvironment());
    }

    public AlarmResponseHandler(AlarmResponder responder) {
        this.responder = responder;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        List<SNSEvent.SNSRecord> records = event == null ? null : event.getRecords();
        if (records == null || records.isEmpty()) {
            responder.malformedEnvelope("SNS event has no Records");
            return null;
        }
        for (SNSEvent.SNSRecord record : records) {
            if (record == null || record.getSNS() == null) {
                responder.malformedEnvelope("SNS record has no Sns object");
                continue;
            }
            SNSEvent.SNS sns = record.getSNS();
            responder.respond(new Delivery(sns.getTopicArn(), sns.getMessageId(), sns.getMessage()));
        }
        return null;
    }

    private static AlarmResponder fromLambdaEnvironment() {
        ResponseConfig config =
                ResponseConfig.parse(ConfigurationText.required(MonitoringFunction.ALARM_RESPONSE, System::getenv));
        SourceTopics sources = SourceTopics.parse(requiredVariable(ResponseConfiguration.SOURCE_TOPICS_VARIABLE));
        String ledgerTable = requiredVariable(ResponseConfiguration.LEDGER_TABLE_VARIABLE);
        LambdaSdkClients clients = LambdaSdkClients.fromLambdaEnvironment();
        RootCauseReader rootCause = config.insightsLogGroups().isEmpty()
                ? RootCauseReader.NONE
                : new JobRunInsights(clients.build(CloudWatchLogsClient.builder()), config.insightsLogGroups());
        DynamoDbIncidentLedger ledger =
                new DynamoDbIncidentLedger(clients.build(DynamoDbClient.builder()), ledgerTable);
        JobRemediator remediator = new JobRemediator(
                clients.build(GlueClient.builder()),
                ledger,
                Clock.systemUTC(),
                config.restartBudget(),
                config.errorClassActions(),
                rootCause);
        Map<String, String> pageTopics =
                SnsPagePublisher.topicsByName(System.getenv(ResponseConfiguration.PAGE_TOPICS_VARIABLE));
        Pager pager = pageTopics.isEmpty()
                ? null
                : new Pager(
                        ledger,
                        new SnsPagePublisher(clients.build(SnsClient.builder()), pageTopics),
                        Clock.systemUTC());
        return new AlarmResponder(
                config,
                sources,
                remediator,
                new JsonLineDecisionLog(System.out),
                new AlarmStatePage(clients.build(CloudWatchClient.builder())),
                new ConsoleLinks(clients.region().id()),
                pager);
    }

    private static String requiredVariable(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; the CDK app sets it");
        }
        return value;
    }
}
