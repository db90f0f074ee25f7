package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The ledger in a DynamoDB table with partition key {@code pk} (String), no sort key, and TTL on {@code expiresAt}
 * (Number, epoch seconds), as the CDK app creates it. Items:
 * <ul>
 *   <li>{@code incident#<incident id>}: the incident is claimed;</li>
 *   <li>{@code budget#<job>#<n>} with {@code incident}: budget slot n of the job is held until {@code expiresAt};</li>
 *   <li>{@code pause#<job>} with {@code triggers}: the triggers of the job this function stopped, until a successful run
 *       resumes them (DeleteItem returning the old item, so one delivery resumes them) or {@code expiresAt}.</li>
 * </ul>
 * Every claim is a conditional PutItem. TTL deletes expired items only within a few days, so a slot counts as free
 * once its {@code expiresAt} has passed, whether or not the item is still there.
 */
public final class DynamoDbIncidentLedger implements IncidentLedger {

    /** The table's attributes, as the CDK app declares them. */
    private static final String KEY = ResponseConfiguration.LEDGER_KEY;

    private static final String EXPIRES_AT = ResponseConfiguration.LEDGER_EXPIRES_AT;
    static final String INCIDENT = "incident";
    static final String TRIGGERS = "triggers";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbIncidentLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String incidentKey(Incident incident) {
        return "incident#" + incident.id();
    }

    static String budgetSlotKey(String job, int slot) {
        return "budget#" + job + "#" + slot;
    }

    static String pauseKey(String job) {
        return "pause#" + job;
    }

    @Override
    public boolean claimIncident(Incident incident, Instant expiresAt) {
        return putIf(
                Map.of(KEY, text(incidentKey(incident)), EXPIRES_AT, epochSeconds(expiresAt)),
                "attribute_not_exists(#pk)",
                Map.of("#pk", KEY),
                Map.of());
    }

    @Override
    public void releaseIncident(Incident incident) {
        dynamo.deleteItem(request -> request.tableName(table).key(Map.of(KEY, text(incidentKey(incident)))));
    }

    @Override
    public OptionalInt claimBudgetSlot(String job, int slots, Incident incident, Instant now, Instant expiresAt) {
        for (int slot = 0; slot < slots; slot++) {
            boolean claimed = putIf(
                    Map.of(
                            KEY,
                            text(budgetSlotKey(job, slot)),
                            EXPIRES_AT,
                            epochSeconds(expiresAt),
                            INCIDENT,
                            text(incident.id())),
                    "attribute_not_exists(#pk) OR #expiresAt < :now",
                    Map.of("#pk", KEY, "#expiresAt", EXPIRES_AT),
                    Map.of(":now", epochSeconds(now)));
            if (claimed) {
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public void releaseBudgetSlot(String job, int slot, Incident incident) {
        try {
            dynamo.deleteItem(request -> request.tableName(table)
                    .key(Map.of(KEY, text(budgetSlotKey(job, slot))))
                    .conditionExpression("#incident = :incident")
                    .expressionAttributeNames(Map.of("#incident", INCIDENT))
                    .expressionAttributeValues(Map.of(":incident", text(incident.id()))));
        } catch (ConditionalCheckFailedException e) {
            // The slot expired and another incident holds it now: it is not ours to free.
        }
    }

    @Override
    public boolean claimPause(String job, Instant now, Instant expiresAt) {
        return putIf(
                Map.of(KEY, text(pauseKey(job)), EXPIRES_AT, epochSeconds(expiresAt)),
                "attribute_not_exists(#pk) OR #expiresAt < :now",
                Map.of("#pk", KEY, "#expiresAt", EXPIRES_AT),
                Map.of(":now", epochSeconds(now)));
    }

    @Override
    public void recordPause(String job, List<String> triggers, Instant expiresAt) {
        dynamo.putItem(request -> request.tableName(table)
                .item(Map.of(
                        KEY,
                        text(pauseKey(job)),
                        EXPIRES_AT,
                        epochSeconds(expiresAt),
                        TRIGGERS,
                        AttributeValue.fromL(
                                triggers.stream().map(AttributeValue::fromS).toList()))));
    }

    @Override
    public List<String> releasePause(String job) {
        Map<String, AttributeValue> old = dynamo.deleteItem(request -> request.tableName(table)
                        .key(Map.of(KEY, text(pauseKey(job))))
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();
        if (old == null || !old.containsKey(TRIGGERS)) {
            return List.of();
        }
        return old.get(TRIGGERS).l().stream().map(AttributeValue::s).toList();
    }

    /** PutItem if {@code condition} holds; false if it does not. */
    private boolean putIf(
            Map<String, AttributeValue> item,
            String condition,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            dynamo.putItem(request -> {
                request.tableName(table)
                        .item(item)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names);
                // DynamoDB refuses an empty map of values.
                if (!values.isEmpty()) {
                    request.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue epochSeconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }
}
