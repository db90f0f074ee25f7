package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.BreachBit;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The pager of a one-alarm pipeline against the emulator's DynamoDB (the page item's conditional writes) and SNS (the
 * publish): concurrent and repeated deliveries of one incident's signals publish one page and one resolution.
 */
class PagerIT {

    private static DynamoDbClient dynamo;
    private static SnsClient sns;

    private String table;
    private String topicArn;
    private DynamoDbIncidentLedger ledger;
    private final AtomicInteger publishes = new AtomicInteger();
    private final List<PageMessage> published = new ArrayList<>();

    @BeforeAll
    static void connectToEmulator() {
        var clients = Emulator.clients(Emulator.endpoint());
        dynamo = clients.build(DynamoDbClient.builder());
        sns = clients.build(SnsClient.builder());
    }

    @AfterAll
    static void closeClients() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (sns != null) {
            sns.close();
        }
    }

    @BeforeEach
    void createLedgerAndTopic() {
        table = Emulator.createLedgerTable(dynamo);
        ledger = new DynamoDbIncidentLedger(dynamo, table);
        topicArn = sns.createTopic(request -> request.name(PagerTest.CRITICAL_TOPIC))
                .topicArn();
    }

    @AfterEach
    void deleteLedgerAndTopic() {
        dynamo.deleteTable(request -> request.tableName(table));
        sns.deleteTopic(request -> request.topicArn(topicArn));
    }

    /** SNS publishes through the function's own publisher; each success is counted and kept. */
    private AlarmResponder responder(FakeGlue glue) {
        SnsPagePublisher sent = new SnsPagePublisher(sns, Map.of(PagerTest.CRITICAL_TOPIC, topicArn));
        PagePublisher counting = (topic, message) -> {
            sent.publish(topic, message);
            publishes.incrementAndGet();
            synchronized (published) {
                published.add(message);
            }
        };
        ResponseConfig config = ResponseConfig.parse(PagerTest.CONFIG);
        Clock clock = Clock.fixed(PageTest.NOW, ZoneOffset.UTC);
        return new AlarmResponder(
                config,
                Corpus.SOURCES,
                new JobRemediator(
                        glue, ledger, clock, config.restartBudget(), config.errorClassActions(), RootCauseReader.NONE),
                new RecordingDecisionLog(),
                PageDelivery.NONE,
                new ConsoleLinks("us-east-1"),
                new Pager(ledger, counting, clock));
    }

    private Map<String, AttributeValue> pageItem() {
        return dynamo.getItem(request -> request.tableName(table)
                        .consistentRead(true)
                        .key(Map.of("pk", AttributeValue.fromS(DynamoDbIncidentLedger.pageKey(PagerTest.PAGE)))))
                .item();
    }

    @Test
    void twoConcurrentDeliveriesOfOneFailedRunPublishOnePage() throws Exception {
        FakeGlue glue = new FakeGlue();
        glue.withFailedRun(PageTest.RUN, JobRunState.FAILED, PageTest.STARTED, 540, "Command Failed with Exit Code 1");
        AlarmResponder responder = responder(glue);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Decision>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(pool.submit(() -> {
                    start.await();
                    return responder.respond(PagerTest.failedRun());
                }));
            }
            start.countDown();
            List<PageDelivery.Status> statuses = new ArrayList<>();
            for (Future<Decision> decision : both) {
                statuses.add(decision.get().page().delivery().status());
            }

            assertThat(statuses).containsExactlyInAnyOrder(PageDelivery.Status.PAGED, PageDelivery.Status.ALREADY_OPEN);
        } finally {
            pool.shutdownNow();
        }
        assertThat(publishes).hasValue(1);
        assertThat(published.getFirst().body()).contains("Error class: unknown");
        assertThat(pageItem())
                .containsEntry("confirmed", AttributeValue.fromBool(false))
                .containsEntry("openedAt", AttributeValue.fromN(Long.toString(PageTest.NOW.getEpochSecond())))
                .containsEntry(
                        "expiresAt",
                        AttributeValue.fromN(Long.toString(
                                PageTest.NOW.plus(Pager.UNCONFIRMED_LIFETIME).getEpochSecond())));
    }

    @Test
    void theAlarmConfirmsTheOpenPageAndItsRepeatedOkResolvesItOnce() {
        FakeGlue glue = new FakeGlue();
        glue.withFailedRun(PageTest.RUN, JobRunState.FAILED, PageTest.STARTED, 540, "Command Failed with Exit Code 1");
        AlarmResponder responder = responder(glue);

        responder.respond(PagerTest.failedRun());
        responder.respond(PagerTest.pageAlarm(PagerTest.PAGE, "ALARM", BreachBit.RUN_FAILED.value()));
        Map<String, AttributeValue> confirmed = pageItem();
        responder.respond(PagerTest.pageAlarm(PagerTest.PAGE, "OK", 0));
        responder.respond(PagerTest.pageAlarm(PagerTest.PAGE, "OK", 0));

        assertThat(confirmed)
                .containsEntry("confirmed", AttributeValue.fromBool(true))
                .containsEntry(
                        "expiresAt",
                        AttributeValue.fromN(Long.toString(
                                PageTest.NOW.plus(Pager.CONFIRMED_LIFETIME).getEpochSecond())));
        assertThat(publishes).hasValue(2);
        assertThat(published.get(1).subject()).startsWith("OK: ");
        assertThat(pageItem()).isEmpty();
    }

    @Test
    void aSuccessClosesOnlyAnUnconfirmedPageOldEnough() {
        ledger.openPage(
                "young", new PageLedger.OpenPage(false, PageTest.NOW, PageTest.NOW.plusSeconds(3600)), PageTest.NOW);
        ledger.openPage(
                "held",
                new PageLedger.OpenPage(true, PageTest.NOW.minusSeconds(3600), PageTest.NOW.plusSeconds(3600)),
                PageTest.NOW);
        ledger.openPage(
                "old",
                new PageLedger.OpenPage(false, PageTest.NOW.minusSeconds(600), PageTest.NOW.plusSeconds(3000)),
                PageTest.NOW);

        assertThat(ledger.closeUnconfirmedPage("young", PageTest.NOW.minusSeconds(300)))
                .isFalse();
        assertThat(ledger.closeUnconfirmedPage("held", PageTest.NOW.minusSeconds(300)))
                .isFalse();
        assertThat(ledger.closeUnconfirmedPage("old", PageTest.NOW.minusSeconds(300)))
                .isTrue();
        assertThat(ledger.closeUnconfirmedPage("none", PageTest.NOW)).isFalse();
        assertThat(ledger.openPage(
                        "young",
                        new PageLedger.OpenPage(false, PageTest.NOW, PageTest.NOW.plusSeconds(3600)),
                        PageTest.NOW.plusSeconds(3601)))
                .as("an expired page no longer blocks the next one")
                .isTrue();
    }
}
