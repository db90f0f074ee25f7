package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.contract.GlueEvents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.constructs.Construct;

/**
 * The crawler events of one stack's pipelines, with one rule for all of their crawlers (as {@link GlueJobEvents} does
 * for jobs): every "Glue Crawler State Change" (Started, Succeeded, Failed; docs/glue-events.md) of a declared crawler
 * goes to the event history, whose metric filter counts the failed ones per crawler (FailedCrawls) for
 * GlueCrawlerFailedAlarm; a second rule sends the failed ones to AlarmResponseFunction. A stack whose pipelines declare
 * no crawler gets no rule.
 */
public final class CrawlerEvents extends Construct {
    private final Rule history;
    private final Rule failures;

    private CrawlerEvents(Construct scope, String id, List<String> crawlers, GlueJobEvents.Props props) {
        super(scope, id);
        history = Rule.Builder.create(this, "History")
                .description("Keeps every state change of " + crawlers.size() + " crawlers of monitored pipelines")
                .eventPattern(EventPattern.builder()
                        .source(List.of(GlueEvents.SOURCE))
                        .detailType(List.of(GlueEvents.CRAWLER_STATE_CHANGE))
                        .detail(Map.of("crawlerName", crawlers))
                        .build())
                .build();
        props.delivery()
                .toLogGroup(
                        history,
                        props.historyLogGroupArn(),
                        props.deliveryAlarmNamePrefix() + "-CrawlerEventHistory" + props.nameSuffix());
        // The failures also reach AlarmResponseFunction, as the raw event, which pages the crawler's pipeline with a
        // text that names the crawler and its error (it never restarts a crawler).
        failures = Rule.Builder.create(this, "Failures")
                .description("Failed crawls of " + crawlers.size() + " crawlers of monitored pipelines")
                .eventPattern(EventPattern.builder()
                        .source(List.of(GlueEvents.SOURCE))
                        .detailType(List.of(GlueEvents.CRAWLER_STATE_CHANGE))
                        .detail(new TreeMap<>(
                                Map.of("crawlerName", crawlers, "state", List.of(GlueEvents.CRAWLER_FAILED))))
                        .build())
                .build();
        props.delivery()
                .toTopic(
                        failures,
                        props.remediationTopic(),
                        RuleTargetInput.fromEventPath("$"),
                        props.deliveryAlarmNamePrefix() + "-CrawlerFailures" + props.nameSuffix());
    }

    /** The crawler events of these pipelines (the same inputs as their job events); empty without crawlers. */
    public static Optional<CrawlerEvents> of(Construct scope, String id, GlueJobEvents.Props props) {
        List<String> crawlers = crawlers(props.pipelines());
        return crawlers.isEmpty() ? Optional.empty() : Optional.of(new CrawlerEvents(scope, id, crawlers, props));
    }

    /** The crawlers the pipelines declare, each once, in the pipelines' order. */
    public static List<String> crawlers(List<MonitoredPipeline> pipelines) {
        return pipelines.stream()
                .flatMap(p -> p.stages().named(PipelineStages.Kind.CRAWLER).stream())
                .distinct()
                .toList();
    }

    public Rule history() {
        return history;
    }

    public Rule failures() {
        return failures;
    }
}
