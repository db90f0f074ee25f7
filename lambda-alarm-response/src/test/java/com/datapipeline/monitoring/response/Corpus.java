package com.datapipeline.monitoring.response;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.glue.GlueClient;

/** The test corpus in src/test/resources: real-shaped SNS messages and SNS events. */
final class Corpus {

    static final String CONFIG_JSON = """
            {"remediationEnabled":true,
             "restartBudget":{"maxRestarts":2,"windowMinutes":60},
             "routes":{
               "GlueJobFailureAlarm":{"action":"restart-job","jobName":"sample-etl-job"},
               "GlueJobDurationAlarm":{"action":"notify-only"},
               "DataQualityAlarm":{"action":"start-validation-job","jobName":"sample-dq-job"},
               "glue-job-state:sample-etl-job":{"action":"restart-job","jobName":"sample-etl-job"}}}
            """;

    /** The topic every corpus delivery comes from. */
    static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:data-pipeline-alerts";

    /** The source topics the tests' responders accept: {@link #TOPIC_ARN} only. */
    static final SourceTopics SOURCES = SourceTopics.parse(TOPIC_ARN);

    private Corpus() {}

    /** The Message of an SNS record, from notifications/. */
    static String message(String file) {
        return resource("/notifications/" + file);
    }

    /** A notification with its JSON field values replaced, e.g. another job name for an integration test. */
    static String message(String file, String from, String to) {
        return message(file).replace(from, to);
    }

    /** A responder over {@code glue} and {@code ledger} with the configuration {@code configJson}. */
    static AlarmResponder responder(
            String configJson, GlueClient glue, IncidentLedger ledger, Clock clock, DecisionLog log) {
        ResponseConfig config = ResponseConfig.parse(configJson);
        return new AlarmResponder(
                config,
                SOURCES,
                new JobRemediator(
                        glue, ledger, clock, config.restartBudget(), config.errorClassActions(), RootCauseReader.NONE),
                log);
    }

    /**
     * An SNS event as Lambda receives it, from sns-events/. Lambda's runtime deserializes the real thing; here
     * jackson-jr reads the same JSON into the aws-lambda-java-events classes.
     */
    static SNSEvent snsEvent(String file) {
        try {
            Map<String, Object> root = JSON.std.mapFrom(resource("/sns-events/" + file));
            List<SNSEvent.SNSRecord> records = new ArrayList<>();
            for (Object item : (List<?>) root.get("Records")) {
                Map<?, ?> record = (Map<?, ?>) item;
                Map<?, ?> sns = (Map<?, ?>) record.get("Sns");
                records.add(new SNSEvent.SNSRecord()
                        .withEventSource((String) record.get("EventSource"))
                        .withEventVersion((String) record.get("EventVersion"))
                        .withEventSubscriptionArn((String) record.get("EventSubscriptionArn"))
                        .withSns(new SNSEvent.SNS()
                                .withType((String) sns.get("Type"))
                                .withMessageId((String) sns.get("MessageId"))
                                .withTopicArn((String) sns.get("TopicArn"))
                                .withSubject((String) sns.get("Subject"))
                                .withMessage((String) sns.get("Message"))));
            }
            return new SNSEvent().withRecords(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A delivery of a corpus notification from {@link #TOPIC_ARN}, with a message id of its own. */
    static Delivery delivery(String file) {
        return deliveryOf(message(file));
    }

    /** A delivery of {@code message} from {@link #TOPIC_ARN}, with a message id of its own. */
    static Delivery deliveryOf(String message) {
        return new Delivery(TOPIC_ARN, UUID.randomUUID().toString(), message);
    }

    /** An SNS event with one record carrying {@code delivery}. */
    static SNSEvent snsEventWith(Delivery delivery) {
        return new SNSEvent()
                .withRecords(List.of(new SNSEvent.SNSRecord()
                        .withEventSource("aws:sns")
                        .withSns(new SNSEvent.SNS()
                                .withType("Notification")
                                .withMessageId(delivery.messageId())
                                .withTopicArn(delivery.topicArn())
                                .withMessage(delivery.message()))));
    }

    private static String resource(String path) {
        try (InputStream in = Corpus.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
