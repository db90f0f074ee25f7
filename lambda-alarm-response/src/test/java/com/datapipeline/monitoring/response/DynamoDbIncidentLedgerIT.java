package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB ledger's claims against the emulator's DynamoDB, and the items they leave. */
class DynamoDbIncidentLedgerIT {

    private static final Instant NOW = Instant.parse("2026-11-25T01:10:00Z");
    private static final Incident FIRST = Incident.ofRun("job", "jr_1");
    private static final Incident SECOND = Incident.ofRun("job", "jr_2");

    private static DynamoDbClient dynamo;

    private String table;
    private DynamoDbIncidentLedger ledger;

    @BeforeAll
    static void connectToEmulator() {
        dynamo = Emulator.clients(Emulator.endpoint()).build(DynamoDbClient.builder());
    }

    @AfterAll
    static void closeClient() {
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @AfterEach
    void deleteTable() {
        if (table != null) {
            dynamo.deleteTable(request -> request.tableName(table));
        }
    }

    private void createLedger() {
        table = Emulator.createLedgerTable(dynamo);
        ledger = new DynamoDbIncidentLedger(dynamo, table);
    }

    private Map<String, AttributeValue> item(String key) {
        return dynamo.getItem(request ->
                        request.tableName(table).consistentRead(true).key(Map.of("pk", AttributeValue.fromS(key))))
                .item();
    }

    @Test
    void incidentIsClaimedOnceWithItsExpiryInEpochSeconds() {
        createLedger();

        assertThat(ledger.claimIncident(FIRST, NOW.plus(Duration.ofDays(7)))).isTrue();
        assertThat(ledger.claimIncident(FIRST, NOW.plus(Duration.ofDays(7)))).isFalse();

        assertThat(item("incident#job/run/jr_1"))
                .containsEntry(
                        "expiresAt",
                        AttributeValue.fromN(
                                Long.toString(NOW.plus(Duration.ofDays(7)).getEpochSecond())));
    }

    @Test
    void releasedIncidentCanBeClaimedAgain() {
        createLedger();
        ledger.claimIncident(FIRST, NOW);

        ledger.releaseIncident(FIRST);

        assertThat(ledger.claimIncident(FIRST, NOW)).isTrue();
    }

    @Test
    void budgetSlotsAreClaimedInOrderUntilNoneIsFree() {
        createLedger();
        Instant until = NOW.plus(Duration.ofMinutes(60));

        assertThat(ledger.claimBudgetSlot("job", 2, FIRST, NOW, until)).hasValue(0);
        assertThat(ledger.claimBudgetSlot("job", 2, SECOND, NOW, until)).hasValue(1);
        assertThat(ledger.claimBudgetSlot("job", 2, Incident.ofRun("job", "jr_3"), NOW, until))
                .isEmpty();
        assertThat(ledger.claimBudgetSlot("other-job", 2, FIRST, NOW, until)).hasValue(0);

        assertThat(item("budget#job#1"))
                .containsEntry("incident", AttributeValue.fromS("job/run/jr_2"))
                .containsEntry("expiresAt", AttributeValue.fromN(Long.toString(until.getEpochSecond())));
    }

    @Test
    void slotPastItsExpiryIsFreeThoughTtlHasNotDeletedIt() {
        createLedger();
        ledger.claimBudgetSlot("job", 1, FIRST, NOW, NOW.plus(Duration.ofMinutes(60)));
        Instant later = NOW.plus(Duration.ofMinutes(61));

        assertThat(ledger.claimBudgetSlot("job", 1, SECOND, later, later.plus(Duration.ofMinutes(60))))
                .hasValue(0);
        assertThat(item("budget#job#0")).containsEntry("incident", AttributeValue.fromS("job/run/jr_2"));
    }

    @Test
    void slotIsReleasedOnlyByTheIncidentThatHoldsIt() {
        createLedger();
        ledger.claimBudgetSlot("job", 1, FIRST, NOW, NOW.plus(Duration.ofMinutes(60)));

        ledger.releaseBudgetSlot("job", 0, SECOND);
        assertThat(item("budget#job#0")).isNotEmpty();

        ledger.releaseBudgetSlot("job", 0, FIRST);
        assertThat(item("budget#job#0")).isEmpty();
    }
}
