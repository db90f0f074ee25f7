package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.cdk.alerting.AlarmFactory;
import com.datapipeline.monitoring.cdk.alerting.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.alerting.AlarmRouting;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Location;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Role;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.contract.BreachBit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.cloudwatch.AlarmRule;
import software.amazon.awscdk.services.cloudwatch.AlarmState;
import software.amazon.awscdk.services.cloudwatch.IAlarmRule;
import software.constructs.Construct;

/**
 * The alarms of one pipeline, made from their kinds' definitions ({@link AlarmKind}): every pipeline signal that
 * applies to it, in catalog order, and its pages. A page is a composite over the pipeline's signals of one severity
 * (one page in all unless severity topics are on): a failed run raises several signals (the run-failed event, failed
 * tasks, later the error rate), and the composite turns them into one page when the first child fires and one
 * "resolved" message when the last one recovers. Each alarm sits where its definition says in the pipeline's
 * construct tree, so its logical id stays put.
 */
public final class PipelineAlarms {
    private final List<CreatedAlarm> signals = new ArrayList<>();
    private final List<CreatedAlarm> pages = new ArrayList<>();
    private final List<AlarmKind> modes = new ArrayList<>();
    private final Map<String, Construct> scopes = new HashMap<>();
    private final AlarmRouting routing;
    private final Props props;

    public PipelineAlarms(Construct pipelineScope, Props props) {
        AlarmFactory factory = props.alarmFactory();
        this.props = props;
        this.routing = factory.routing();
        if (props.inputs().breachPage()) {
            breachPages(pipelineScope, factory);
            return;
        }
        for (AlarmKind kind : AlarmKind.withRole(Role.PIPELINE_SIGNAL)) {
            if (kind.appliesTo(props.inputs())) {
                Location at = kind.location().orElseThrow();
                signals.add(factory.signal(
                        scope(pipelineScope, at), at.id(), kind, name(props, kind), props.inputs(), props.metrics()));
            }
        }
        for (AlarmKind page : AlarmKind.withRole(Role.PIPELINE_PAGE)) {
            if (page.breachPage()) {
                continue;
            }
            List<CreatedAlarm> children = signals.stream()
                    .filter(signal ->
                            routing.severityOf(signal.kind()) == page.severity().orElseThrow())
                    .toList();
            if (children.isEmpty()) {
                continue;
            }
            IAlarmRule rule = AlarmRule.anyOf(children.stream()
                    .map(child -> AlarmRule.fromAlarm(child.alarm(), AlarmState.ALARM))
                    .toArray(IAlarmRule[]::new));
            Location at = page.location().orElseThrow();
            String name = name(props, page);
            pages.add(new CreatedAlarm(
                    page,
                    name,
                    factory.createComposite(
                            scope(pipelineScope, at),
                            at.id(),
                            page,
                            name,
                            factory.describe(
                                    props.inputs().job(),
                                    page,
                                    description(page, props.inputs().job(), children)),
                            rule),
                    0));
        }
    }

    /** One metric-math alarm per severity over the breach bits of the pipeline's modes ({@link BreachPage}). */
    private void breachPages(Construct pipelineScope, AlarmFactory factory) {
        AlarmKind.Inputs in = props.inputs();
        List<AlarmKind> applicable = AlarmKind.withRole(Role.PIPELINE_SIGNAL).stream()
                .filter(kind -> kind.appliesTo(in))
                .toList();
        modes.addAll(applicable);
        for (AlarmKind page : AlarmKind.withRole(Role.PIPELINE_PAGE)) {
            if (!page.breachPage()) {
                continue;
            }
            List<AlarmKind> ofSeverity = applicable.stream()
                    .filter(kind -> routing.severityOf(kind) == page.severity().orElseThrow())
                    .toList();
            if (ofSeverity.isEmpty()) {
                continue;
            }
            boolean allFunctionBitsHere = applicable.stream()
                    .filter(kind -> kind.bit().orElseThrow().source() == BreachBit.Source.METRICS_FUNCTION)
                    .allMatch(ofSeverity::contains);
            Location at = page.location().orElseThrow();
            String name = name(props, page);
            pages.add(factory.expressionPage(
                    scope(pipelineScope, at),
                    at.id(),
                    page,
                    name,
                    factory.describe(in.job(), page, breachDescription(page, in.job(), ofSeverity)),
                    BreachPage.expression(ofSeverity, in, props.metrics(), allFunctionBitsHere)));
        }
    }

    private static String breachDescription(AlarmKind page, String job, List<AlarmKind> modes) {
        return "Pipeline " + job
                + (page.severity().orElseThrow() == AlarmKind.Severity.CRITICAL
                        ? " is unhealthy"
                        : " is degraded (warning modes)")
                + ": one alarm for " + modes.size() + " failure modes, one page and one resolution per incident. "
                + BreachPage.legend(modes);
    }

    private Construct scope(Construct pipelineScope, Location at) {
        return scopes.computeIfAbsent(at.scope(), id -> new Construct(pipelineScope, id));
    }

    private static String name(Props props, AlarmKind kind) {
        return props.names().perPipeline(kind.baseName(), props.inputs().pipeline());
    }

    private static String description(AlarmKind page, String job, List<CreatedAlarm> children) {
        return "Pipeline " + job
                + (page.severity().orElseThrow() == AlarmKind.Severity.CRITICAL
                        ? " is unhealthy"
                        : " is degraded (warning signals)")
                + ": one page for one incident, whichever of these signals fired first (the reason names it; the"
                + " dashboard shows all): "
                + String.join(", ", children.stream().map(CreatedAlarm::name).toList()) + ".";
    }

    /** The pipeline's signals, in the order they were created: the children of its pages. */
    public List<CreatedAlarm> signals() {
        return List.copyOf(signals);
    }

    /** The failure modes a one-alarm page watches (no signal alarm of their own); empty for composite pages. */
    public List<AlarmKind> pageModes() {
        return List.copyOf(modes);
    }

    /** Whether the pipeline's pages are one alarm each over its breach bits. */
    public boolean breachPages() {
        return props.inputs().breachPage();
    }

    /** The pipeline's pages (composites, or one alarm each), one per severity that has signals. */
    public List<CreatedAlarm> pages() {
        return List.copyOf(pages);
    }

    /** The name of the page that the given signal of this pipeline raises (the page of its severity). */
    public String pageOf(AlarmKind signal) {
        return name(props, AlarmKind.pageOf(routing.severityOf(signal)));
    }

    /** What the alarms of one pipeline need. */
    public record Props(
            AlarmKind.Inputs inputs, PipelineMetricSet metrics, ResourceNames names, AlarmFactory alarmFactory) {
        public Props {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
        }
    }
}
