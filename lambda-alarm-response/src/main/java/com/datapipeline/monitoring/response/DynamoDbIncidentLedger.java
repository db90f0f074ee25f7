package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *   <li>{@code page#<page alarm>} with {@code openedAt} and {@code confirmed}: the open page of a one-alarm pipeline
 *       ({@link Pager}); opened by a conditional PutItem, closed by DeleteItem returning the old item, so one
 *       delivery publishes the page and one its resolution.</li>
 * </ul>
 * Every claim is a conditional PutItem. TTL deletes expired items only within a few days, so a slot counts as free
 * once its {@code expiresAt} has passed, whether or not the item is still there.
 */
public final class DynamoDbIncidentLedger implements IncidentLedger, PageLedger {

    /** The table's attributes, as the CDK app declares them. */
    private static final String KEY = ResponseConfiguration.LEDGER_KEY;

    private static final String EXPIRES_AT = ResponseConfiguration.LEDGER_EXPIRES_AT;
    static final String INCIDENT = "incident";
    static final String TRIGGERS = "triggers";
    static final String OPENED_AT = "openedAt";
    static final String CONFIRMED = "confirmed";

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

    static String pageKey(String page) {
        return "page#" + page;
    }

    @Override
    public boolean openPage(String page, OpenPage state, Instant now) {
        return putIf(
                pageItem(page, state),
                "attribute_not_exists(#pk) OR #expiresAt < :now",
                Map.of("#pk", KEY, "#expiresAt", EXPIRES_AT),
                Map.of(":now", epochSeconds(now)));
    }

    @Override
    public void confirmPage(String page, Instant expiresAt) {
        try {
            dynamo.updateItem(request -> request.tableName(table)
                    .key(Map.of(KEY, text(pageKey(page))))
                    .updateExpression("SET #confirmed = :true, #expiresAt = :expiresAt")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", KEY, "#confirmed", CONFIRMED, "#expiresAt", EXPIRES_AT))
                    .expressionAttributeValues(
                            Map.of(":true", AttributeValue.fromBool(true), ":expiresAt", epochSeconds(expiresAt))));
        } catch (ConditionalCheckFailedException e) {
            // Closed in between (its alarm went back to OK): nothing to confirm.
        }
    }

    @Override
    public Optional<OpenPage> closePage(String page) {
        Map<String, AttributeValue> old = dynamo.deleteItem(request -> request.tableName(table)
                        .key(Map.of(KEY, text(pageKey(page))))
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();
        if (old == null || old.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OpenPage(
                old.containsKey(CONFIRMED)
                        && Boolean.TRUE.equals(old.get(CONFIRMED).bool()),
                instant(old.get(OPENED_AT)),
                instant(old.get(EXPIRES_AT))));
    }

    @Override
    public boolean closeUnconfirmedPage(String page, Instant openedBy) {
        try {
            dynamo.deleteItem(request -> request.tableName(table)
                    .key(Map.of(KEY, text(pageKey(page))))
                    .conditionExpression("attribute_exists(#pk) AND #confirmed = :false AND #openedAt <= :openedBy")
                    .expressionAttributeNames(Map.of("#pk", KEY, "#confirmed", CONFIRMED, "#openedAt", OPENED_AT))
                    .expressionAttributeValues(
                            Map.of(":false", AttributeValue.fromBool(false), ":openedBy", epochSeconds(openedBy))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void restorePage(String page, OpenPage state) {
        dynamo.putItem(request -> request.tableName(table).item(pageItem(page, state)));
    }

    private static Map<String, AttributeValue> pageItem(String page, OpenPage state) {
        return Map.of(
                KEY,
                text(pageKey(page)),
                EXPIRES_AT,
                epochSeconds(state.expiresAt()),
                OPENED_AT,
                epochSeconds(state.openedAt()),
                CONFIRMED,
                AttributeValue.fromBool(state.confirmed()));
    }

    private static Instant instant(AttributeValue epochSeconds) {
        return epochSeconds == null ? Instant.EPOCH : Instant.ofEpochSecond(Long.parseLong(epochSeconds.n()));
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
