"""Time to page, per failure mode, from the synthesized templates (README "Time to page"; the facts and the model are
in docs/time-to-page.md).

    tools/time-to-page [ASSEMBLY]            # the table for a cloud assembly (default cdk.out)
    tools/time-to-page --readme [ASSEMBLY]   # write it into README.md between its markers
    tools/time-to-page --explain [ASSEMBLY]  # each row's spans, one per line, after the table
    tools/time-to-page --period 60 --schedule 60   # what if every alarm period / every schedule were this many s

The failure modes and their signals come from the README's page-model table (its first two columns; signals after
the word "later" are shown but do not count towards the goal), the alarms, metrics, schedules and composites from
the templates (nested stacks included), the facts about AWS from docs/time-to-page.md. Exit status: 0, or 2 with
one line on stderr when the input cannot be read.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from cloud_assembly import AssemblyError, asset_paths, resources_with_nested, stack_templates

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FACTS = ROOT / "docs" / "time-to-page.md"
BEGIN = "<!-- time-to-page:begin -->"
END = "<!-- time-to-page:end -->"
EVENT_GOAL = 30
GOAL = 120
# What a retry policy means where the template leaves it out (EventBridge: 24 hours; Lambda asynchronous: 6 hours).
EVENTBRIDGE_DEFAULT_AGE = 86400
LAMBDA_DEFAULT_AGE = 21600


class InputError(Exception):
    """Something the tool reads is missing or not as expected; the message says what, in one line."""


# --- the facts and the page model (documents) -------------------------------------------------------------------

@dataclass(frozen=True)
class Fact:
    typical: float
    worst: float | None  # None: the template gives it


def load_facts(text: str) -> dict[str, Fact]:
    """The rows of the facts table whose first cell is a key in backticks: key → typical and worst."""
    facts = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        key = re.fullmatch(r"`([a-z-]+)`", cells[0]) if len(cells) >= 3 else None
        if key:
            try:
                facts[key.group(1)] = Fact(float(cells[1]), None if cells[2] == "template" else float(cells[2]))
            except ValueError:
                raise InputError(f"facts table: row {key.group(1)} has no numbers: {cells[1]!r}, {cells[2]!r}") from None
    missing = {"glue-metrics", "service-metrics", "metric-filter", "metric-ingest", "log-to-metric", "event-delivery",
               "function-duration", "alarm-evaluation", "high-resolution-evaluation", "evaluation-range",
               "composite-evaluation", "sns-delivery", "lambda-first-retry", "lambda-second-retry", "sns-to-function",
               "pager-duration"} - facts.keys()
    if missing:
        raise InputError(f"facts table: no row for {', '.join(sorted(missing))}")
    return facts


@dataclass(frozen=True)
class Mode:
    name: str
    signals: tuple[str, ...]  # alarm kinds that page first
    later: tuple[str, ...]    # alarm kinds that follow (shown, not counted)


ALARM_KIND = re.compile(r"`([A-Z][A-Za-z0-9]*Alarm)(?:[-\[][^`]*)?`")


def page_model(readme: str) -> list[Mode]:
    """The failure modes of the README's page-model table (header `| failure mode | signal ...`)."""
    modes, inside = [], False
    for line in readme.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| failure mode | signal"):
            inside = True
        elif inside and not line.startswith("|"):
            break
        elif inside and not set(cells[0]) <= set("-: "):
            first, _, later = cells[1].partition(" later ")
            modes.append(Mode(cells[0], tuple(ALARM_KIND.findall(first)), tuple(ALARM_KIND.findall(later))))
    if not modes:
        raise InputError("README has no page-model table (a header starting '| failure mode | signal')")
    return modes


# --- the templates -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    what: str
    typical: float
    worst: float


@dataclass(frozen=True)
class WhatIf:
    period: int | None = None    # every alarm's period, in seconds
    schedule: int | None = None  # every schedule's rate, in seconds


@dataclass(frozen=True)
class Source:
    description: str
    spans: tuple[Span, ...]
    interval: float          # how often a datum comes, in seconds
    event_driven: bool = False
    known: bool = True       # False: the tool cannot tell where the metric comes from


@dataclass(frozen=True)
class Timing:
    signal: str
    pages: tuple[str, ...]
    source: str
    alarm: str
    publish: tuple[Span, ...]
    evaluate: tuple[Span, ...]
    page: tuple[Span, ...]
    event_driven: bool
    known: bool
    flawed: bool = False  # the alarm never fires, or fires when nothing is wrong: its times mean nothing

    def total(self, which: str) -> float:
        return sum(getattr(span, which) for span in self.publish + self.evaluate + self.page)


RATE = re.compile(r"rate\((\d+) (minute|minutes|hour|hours|day|days)\)")
UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}
LESS = ("LessThanThreshold", "LessThanOrEqualToThreshold", "LessThanLowerThreshold")


class Graph:
    """The resources of all stacks of an assembly, and what the model needs to know about them."""

    def __init__(self, app: Path, what_if: WhatIf = WhatIf()):
        self.what_if = what_if
        self.resources: dict[str, dict] = {}
        for template in stack_templates(app).values():
            self.resources.update(resources_with_nested(app, template))
        self.assets = asset_paths(app)
        self.schedules = self._schedules()
        self.namespaces = self._function_namespaces()
        self.pagers = self._pagers()

    def of_type(self, resource_type: str) -> dict[str, dict]:
        return {rid: r.get("Properties", {}) for rid, r in self.resources.items() if r["Type"] == resource_type}

    def name(self, rid: str) -> str:
        properties = self.resources[rid].get("Properties", {})
        for key in ("AlarmName", "FunctionName", "Name", "LogGroupName", "TopicName", "QueueName"):
            if isinstance(properties.get(key), str):
                return properties[key]
        return rid

    def target(self, value: Any) -> str | None:
        """The logical id a `Ref` or `Fn::GetAtt` names, or whose name a literal value is."""
        if isinstance(value, dict):
            if isinstance(value.get("Ref"), str):
                return value["Ref"]
            if isinstance(value.get("Fn::GetAtt"), list):
                return str(value["Fn::GetAtt"][0])
        if isinstance(value, str):
            return next((rid for rid in self.resources if self.name(rid) == value), None)
        return None

    def _schedules(self) -> dict[str, tuple[str, int]]:
        """Function id → (schedule expression, rate in seconds), for each function a schedule rule invokes."""
        schedules = {}
        for rule in self.of_type("AWS::Events::Rule").values():
            expression = rule.get("ScheduleExpression")
            if not expression or rule.get("State", "ENABLED") != "ENABLED":
                continue
            rate = RATE.fullmatch(expression)
            if not rate:
                raise InputError(f"schedule {expression!r}: only rate(...) schedules are understood")
            seconds = int(rate.group(1)) * UNIT_SECONDS[rate.group(2).rstrip("s")]
            for target in rule.get("Targets", []):
                function = self.target(target.get("Arn"))
                if function in self.resources and self.resources[function]["Type"] == "AWS::Lambda::Function":
                    schedules[function] = (expression, self.what_if.schedule or seconds)
        return schedules

    def schedule_text(self, function: str) -> str:
        expression, rate = self.schedules[function]
        return f"every {rate} s (what if)" if self.what_if.schedule else expression

    def configurations(self, function: str) -> Iterable[dict]:
        """The JSON configuration files in a function's layers."""
        for layer in self.resources[function]["Properties"].get("Layers", []):
            layer_id = self.target(layer)
            key = json.dumps(self.resources.get(layer_id, {}).get("Properties", {}).get("Content", {}))
            for asset_hash, path in self.assets.items():
                if asset_hash in key and path.is_dir():
                    for config in path.rglob("*.json"):
                        loaded = json.loads(config.read_text())
                        if isinstance(loaded, dict):
                            yield loaded

    def _function_namespaces(self) -> dict[str, str]:
        """Namespace → function id, from the configuration file in each scheduled function's layers."""
        namespaces = {}
        for function in self.schedules:
            for config in self.configurations(function):
                namespace = config.get("namespace")
                if isinstance(namespace, str):
                    namespaces[namespace] = function
        return namespaces

    def _pagers(self) -> dict[str, tuple[str, str]]:
        """Page alarm name → (function id, job): the alarms a function publishes the pages of, as its configuration
        says (`pipelines.<job>.pageTopics`), for the functions a topic delivers to."""
        pagers = {}
        for subscription in self.of_type("AWS::SNS::Subscription").values():
            function = self.target(subscription.get("Endpoint"))
            if subscription.get("Protocol") != "lambda" or function not in self.resources:
                continue
            for config in self.configurations(function):
                for job, pipeline in (config.get("pipelines") or {}).items():
                    for page in (pipeline.get("pageTopics") or {}):
                        pagers[page] = (function, job)
        return pagers

    def reads(self, function: str) -> list[str]:
        """The topics that deliver to this function."""
        return [self.target(s.get("TopicArn")) for s in self.of_type("AWS::SNS::Subscription").values()
                if s.get("Protocol") == "lambda" and self.target(s.get("Endpoint")) == function]

    def failure_rules(self, job: str, function: str) -> list[str]:
        """The event rules that send this job's failed runs to a topic the function reads."""
        topics = self.reads(function)
        found = []
        for rid, rule in self.of_type("AWS::Events::Rule").items():
            detail = (rule.get("EventPattern") or {}).get("detail", {})
            if job in detail.get("jobName", []) and "FAILED" in detail.get("state", []) and any(
                    self.target(t.get("Arn")) in topics for t in rule.get("Targets", [])):
                found.append(rid)
        return found

    def parents(self, alarm: str) -> list[str]:
        """The composites whose rule names this alarm (by `Fn::GetAtt [id, Arn]` or by name)."""
        name = self.name(alarm)
        found = []
        for rid, composite in self.of_type("AWS::CloudWatch::CompositeAlarm").items():
            rule = json.dumps(composite.get("AlarmRule"))
            if f'["{alarm}", "Arn"]' in rule or re.search(r'\(\\*"?' + re.escape(name) + r'\\*"?\)', rule):
                found.append(rid)
        return found

    def page_path(self, alarm: str) -> list[str]:
        """The composites from this alarm up to the nearest one that notifies a topic (shortest such chain)."""
        paths = [[parent] for parent in self.parents(alarm)]
        while paths:
            for path in paths:
                if self.resources[path[-1]]["Properties"].get("AlarmActions"):
                    return path
            paths = [path + [parent] for path in paths for parent in self.parents(path[-1]) if parent not in path]
        return []


# --- the model -------------------------------------------------------------------------------------------------------

def interval_span(what: str, fact: Fact) -> Span:
    return Span(what, fact.typical, fact.worst)


def dimension(metric: dict, name: str) -> Any:
    return next((d["Value"] for d in metric.get("Dimensions", []) if d["Name"] == name), None)


def retry_window(retry_attempts: Any, event_age: Any, default_age: int) -> tuple[float, float]:
    """How long an EventBridge target retries a failing delivery before it counts as failed. Typically not at all:
    EventBridge does not retry a 4xx answer other than 429 (a missing permission or target, what breaks an alert
    path). At worst, a 5xx or 429 is retried until the maximum event age."""
    if retry_attempts == 0:
        return 0, 0
    return 0, float(event_age) if event_age is not None else default_age


def source_of(graph: Graph, metric: dict, facts: dict[str, Fact]) -> Source:
    namespace, name = metric["Namespace"], metric["MetricName"]
    ingest = interval_span("metric ingestion", facts["metric-ingest"])
    if namespace == "Glue":
        glue = facts["glue-metrics"]
        return Source(f"Glue job metric, every {glue.worst:g} s",
                      (interval_span("Glue's next report", glue), ingest), glue.worst)
    for metric_filter in graph.of_type("AWS::Logs::MetricFilter").values():
        for transformation in metric_filter.get("MetricTransformations", []):
            if (transformation["MetricNamespace"], transformation["MetricName"]) == (namespace, name):
                return _filter_source(graph, metric_filter, name, facts, ingest)
    if namespace in graph.namespaces:
        function = graph.namespaces[namespace]
        _, rate = graph.schedules[function]
        return Source(f"`{graph.name(function)}` on `{graph.schedule_text(function)}`, embedded metric format",
                      _run_spans(graph, function, facts) + (interval_span("log line to datum", facts["log-to-metric"]),),
                      rate)
    if namespace.startswith("AWS/"):
        return _service_source(graph, metric, facts, ingest)
    return Source(f"{namespace} `{name}`: source unknown", (), facts["service-metrics"].worst, known=False)


def _run_spans(graph: Graph, function: str, facts: dict[str, Fact]) -> tuple[Span, ...]:
    _, rate = graph.schedules[function]
    timeout = graph.resources[function]["Properties"].get("Timeout", 3)
    return (Span("next scheduled run", rate / 2, rate),
            Span("function run", facts["function-duration"].typical, float(timeout)))


def _filter_source(graph: Graph, metric_filter: dict, name: str, facts: dict[str, Fact], ingest: Span) -> Source:
    group = graph.target(metric_filter["LogGroupName"])
    group_name = graph.name(group) if group else str(metric_filter["LogGroupName"])
    feeding = [rule for rule in graph.of_type("AWS::Events::Rule").values() if rule.get("EventPattern")
               and any(f":log-group:{group_name}" in json.dumps(t.get("Arn")) for t in rule.get("Targets", []))]
    minute = interval_span("metric filter's minute", facts["metric-filter"])
    if feeding:
        return Source(f"event → `{group_name}` → metric filter `{name}`, per minute",
                      (interval_span("event delivery", facts["event-delivery"]), minute, ingest),
                      facts["metric-filter"].worst, event_driven=True)
    return Source(f"log group `{group_name}` → metric filter `{name}`, per minute", (minute, ingest),
                  facts["metric-filter"].worst)


def _service_source(graph: Graph, metric: dict, facts: dict[str, Fact], ingest: Span) -> Source:
    namespace, name = metric["Namespace"], metric["MetricName"]
    service = facts["service-metrics"]
    before: tuple[Span, ...] = ()
    interval = service.worst
    note = ""
    function = graph.target(dimension(metric, "FunctionName"))
    if function in graph.schedules:
        _, rate = graph.schedules[function]
        before = _run_spans(graph, function, facts)
        interval = max(interval, rate)
        note = f" of `{graph.name(function)}` (on `{graph.schedule_text(function)}`)"
    elif function:
        note = f" of `{graph.name(function)}`"
    windows: list[tuple[float, float]] = []
    rule = graph.target(dimension(metric, "RuleName"))
    if namespace == "AWS/Events" and rule in graph.resources:
        windows = [retry_window(t.get("RetryPolicy", {}).get("MaximumRetryAttempts"),
                                t.get("RetryPolicy", {}).get("MaximumEventAgeInSeconds"), EVENTBRIDGE_DEFAULT_AGE)
                   for t in graph.resources[rule]["Properties"].get("Targets", [])]
    queue = graph.target(dimension(metric, "QueueName"))
    if namespace == "AWS/SQS" and queue in graph.resources:
        windows = list(_queue_senders(graph, queue, facts))
    window = max(windows, default=(0, 0), key=lambda w: w[1])
    if window[1]:
        before += (Span("retries before it counts", *window),)
        note += f", after the retries (≤ {clock(window[1])})"
    if namespace == "AWS/SNS":
        note += ", after SNS's own retries (not in the template, not counted)"
    return Source(f"{namespace} `{name}`{note}, per minute",
                  before + (interval_span("service's minute", service), ingest), interval)


def _queue_senders(graph: Graph, queue: str, facts: dict[str, Fact]) -> Iterable[tuple[float, float]]:
    """The retry windows of the deliveries that end in this queue when they fail: EventBridge targets with it as
    their dead-letter queue, functions with it as their on-failure destination. (SNS subscriptions that redrive to
    it retry by SNS's delivery policy, which the template does not hold; they are not counted.)"""
    for rule in graph.of_type("AWS::Events::Rule").values():
        for target in rule.get("Targets", []):
            if graph.target(target.get("DeadLetterConfig", {}).get("Arn")) == queue:
                policy = target.get("RetryPolicy", {})
                yield retry_window(policy.get("MaximumRetryAttempts"), policy.get("MaximumEventAgeInSeconds"),
                                   EVENTBRIDGE_DEFAULT_AGE)
    for config in graph.of_type("AWS::Lambda::EventInvokeConfig").values():
        if graph.target(config.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination")) == queue:
            yield _function_retries(graph, config, facts)


def _function_retries(graph: Graph, config: dict, facts: dict[str, Fact]) -> tuple[float, float]:
    """A failing asynchronous invocation: each attempt runs up to the function's timeout, with Lambda's documented
    waits between attempts, until the retries are used up or the event is older than its maximum age."""
    retries = int(config.get("MaximumRetryAttempts", 2))
    age = float(config.get("MaximumEventAgeInSeconds", LAMBDA_DEFAULT_AGE))
    waits = [facts["lambda-first-retry"], facts["lambda-second-retry"]][:retries]
    function = graph.target(config.get("FunctionName"))
    timeout = float(graph.resources.get(function, {}).get("Properties", {}).get("Timeout", 3))
    typical = sum(w.typical for w in waits) + (retries + 1) * facts["function-duration"].typical
    worst = sum(w.worst for w in waits) + (retries + 1) * timeout
    return min(typical, age), min(worst, age)


def masked(statistic: str, operator: str) -> bool:
    """Whether older, healthy data in the window can hide a breaching datum for this statistic and comparison."""
    if operator.startswith("Less"):
        return statistic != "Minimum"
    return statistic not in ("Maximum", "Sum")


def inputs(alarm: dict, only: str | None = None) -> list[tuple[dict, int, str]]:
    """(metric, period, statistic) of each metric the alarm reads; of the one with query id `only`, if given."""
    if "MetricName" in alarm:
        return [({k: alarm.get(k) for k in ("Namespace", "MetricName", "Dimensions")}, alarm["Period"],
                 alarm.get("Statistic") or alarm.get("ExtendedStatistic"))]
    return [(query["MetricStat"]["Metric"], query["MetricStat"]["Period"], query["MetricStat"]["Stat"])
            for query in alarm.get("Metrics", []) if "MetricStat" in query and only in (None, query.get("Id"))]


def expression(alarm: dict) -> str:
    """The metric math an alarm watches (the query that returns data), or "" for a single-metric alarm."""
    return next((str(q.get("Expression")) for q in alarm.get("Metrics", []) if q.get("ReturnData", True)
                 and "Expression" in q), "")


def filled(alarm: dict) -> bool:
    """Whether every input the alarm reads is FILL(id, 0): a period without data is a datum of 0, never missing."""
    ids = [q["Id"] for q in alarm.get("Metrics", []) if "MetricStat" in q]
    return bool(ids) and all(f"FILL({i}, 0)" in expression(alarm) for i in ids)


# A one-alarm page's legend (alarms/BreachPage): "256 run failed [GlueJobRunFailedAlarm]", one per failure mode.
LEGEND = re.compile(r"(\d+) [^,\[]+\[([A-Za-z0-9]+Alarm)\]")


def breach_inputs(graph: Graph, kind: str) -> list[tuple[str, str]]:
    """The one-alarm pages that hold the bit of this signal kind: (page id, the query id its bit is read from)."""
    found = []
    for rid, alarm in graph.of_type("AWS::CloudWatch::Alarm").items():
        for value, legend_kind in LEGEND.findall(str(alarm.get("AlarmDescription", ""))):
            if legend_kind != kind:
                continue
            term = re.search(r"IF\(FILL\((\w+), 0\) [^,]+, " + value + r", 0\)", expression(alarm))
            found.append((rid, term.group(1) if term else "breach"))
    return found


def timing(graph: Graph, alarm_id: str, facts: dict[str, Fact], only: str | None = None) -> Timing:
    alarm = graph.resources[alarm_id]["Properties"]
    candidates = []
    for metric, period, statistic in inputs(alarm, only):
        source = source_of(graph, metric, facts)
        candidates.append((sum(s.worst for s in source.spans), metric["MetricName"], source,
                           graph.what_if.period or period, statistic))
    if not candidates:
        raise InputError(f"alarm {graph.name(alarm_id)}: no metric found in it")
    # Any one input crossing the threshold raises the alarm: the fastest one counts, named with its equals.
    fastest, name, source, period, statistic = min(candidates, key=lambda c: c[0])
    equals = [c[1] for c in candidates if c[0] == fastest]
    if len(equals) > 1:
        source = replace(source, description=source.description.replace(
            f"`{name}`", ", ".join(f"`{n}`" for n in sorted(equals)), 1))
    evaluations = int(alarm.get("EvaluationPeriods", 1))
    datapoints = int(alarm.get("DatapointsToAlarm", evaluations))
    operator = alarm.get("ComparisonOperator", "")
    missing = alarm.get("TreatMissingData", "missing")
    check = facts["alarm-evaluation"] if period >= 60 else facts["high-resolution-evaluation"]
    evaluate = [interval_span("next evaluation", check)]
    publish = source.spans
    flaw = ""
    if operator in LESS and filled(alarm):
        # FILL(m, 0): a period without data is a datum of 0 once the period has passed; nothing is missing.
        publish = (Span("the period without data ends", period / 2, period),
                   interval_span("metric ingestion", facts["metric-ingest"]))
        if datapoints > 1:
            more = (datapoints - 1) * period
            evaluate.append(Span(f"{datapoints - 1} more breaching period(s)", more, more))
    elif operator in LESS and missing == "breaching":
        # No datum at all: the alarm fires when its evaluation range holds at most N - M real datapoints.
        range_seconds = (evaluations + facts["evaluation-range"].typical) * period
        wait = range_seconds - (evaluations - datapoints) * source.interval - source.interval
        if wait <= 0:
            flaw = "evaluation range shorter than the data interval: fires between data"
        wait = max(0.0, wait)
        publish = ()
        evaluate.insert(0, Span("real data leaves the evaluation range", wait, wait))
    else:
        if datapoints > 1 and (datapoints - 1) * source.interval >= evaluations * period:
            flaw = f"never fires: {datapoints} data {source.interval:g} s apart do not fit in {evaluations} periods"
        if datapoints > 1:
            more = (datapoints - 1) * max(period, source.interval)
            evaluate.append(Span(f"{datapoints - 1} more breaching period(s)", more, more))
        if masked(statistic, operator) and source.interval < period:
            evaluate.append(Span("older data leaves the window", (period - source.interval) / 2,
                                 period - source.interval))
    # A one-alarm page (only its bit's input, `only`) has no composite above it: it notifies a human topic itself, or
    # the topic of the function that is its pager, which publishes the page.
    path = [alarm_id] if only is not None else graph.page_path(alarm_id)
    page = tuple(interval_span("composite", facts["composite-evaluation"]) for _ in path if only is None)
    pager = graph.pagers.get(graph.name(alarm_id)) if only is not None else None
    if pager:
        page += pager_spans(graph, pager[0], facts)
        path = [alarm_id, pager[0]]
    elif path:
        page += (interval_span("SNS delivery", facts["sns-delivery"]),)
    described = f"{period} s × {evaluations}, {datapoints} of {evaluations}, {statistic}"
    if filled(alarm):
        described += ", FILL(…, 0)"
    elif missing == "breaching":
        described += ", missing = breaching"
    if flaw:
        described += f"; **{flaw}**"
    return Timing(graph.name(alarm_id), tuple(graph.name(c) for c in path), source.description, described,
                  tuple(publish), tuple(evaluate), page, source.event_driven, source.known, bool(flaw))


def pager_spans(graph: Graph, function: str, facts: dict[str, Fact]) -> tuple[Span, ...]:
    """From a signal on the function's topic to its page on the human topic: SNS invokes the function, which reads
    the run and publishes (its run is at worst its timeout), then SNS delivers the page."""
    timeout = float(graph.resources[function]["Properties"].get("Timeout", 3))
    return (interval_span("SNS invokes the function", facts["sns-to-function"]),
            Span("the function publishes the page", facts["pager-duration"].typical, timeout),
            interval_span("SNS delivery", facts["sns-delivery"]))


def event_page(graph: Graph, page: str, facts: dict[str, Fact]) -> Timing | None:
    """A failed run's event straight to the function that is the pager of the run's page alarm, if a rule sends it
    there: no alarm, no metric; the function publishes the page when the event arrives."""
    function, job = graph.pagers.get(graph.name(page), (None, None))
    rules = graph.failure_rules(job, function) if function else []
    if not rules:
        return None
    topics = ", ".join(f"`{graph.name(t)}`" for t in graph.reads(function))
    return Timing("Glue Job State Change", (graph.name(function), ),
                  f"event → rule → {topics} → `{graph.name(function)}`", "no alarm: the function pages",
                  (interval_span("event delivery", facts["event-delivery"]),), (), pager_spans(graph, function, facts),
                  event_driven=True, known=True)


def alarms_of_kind(graph: Graph, kind: str) -> list[str]:
    """The metric alarms of a kind: named prefix + kind, then nothing, a `-suffix` or a capitalized twin suffix."""
    pattern = re.compile(r"(?:^|.*[-_0-9a-z])" + re.escape(kind) + r"(?:$|[-A-Z].*)")
    return [rid for rid in graph.of_type("AWS::CloudWatch::Alarm") if pattern.fullmatch(graph.name(rid))]


# --- the table ---------------------------------------------------------------------------------------------------------

def clock(seconds: float) -> str:
    seconds = math.ceil(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def stage(spans: tuple[Span, ...]) -> str:
    return f"{clock(sum(s.typical for s in spans))}–{clock(sum(s.worst for s in spans))}" if spans else "–"


@dataclass(frozen=True)
class Row:
    mode: str
    timing: Timing | None
    count: int
    later: bool

    def goal(self) -> float:
        return EVENT_GOAL if self.timing and self.timing.event_driven else GOAL

    def counts(self) -> bool:
        return self.timing is not None and not self.later and self.timing.known

    def meets(self) -> bool:
        return (self.counts() and bool(self.timing.pages) and not self.timing.flawed
                and self.timing.total("worst") <= self.goal())


def rows(graph: Graph, modes: list[Mode], facts: dict[str, Fact]) -> list[Row]:
    result = []
    for mode in modes:
        kinds = [(kind, False) for kind in mode.signals] + [(kind, True) for kind in mode.later]
        found = False
        for kind, later in kinds:
            # Alarms of one kind that take the same time (one per pipeline, say) make one row, named by the first.
            grouped: dict[Timing, list[Timing]] = {}
            for alarm in alarms_of_kind(graph, kind):
                measured = timing(graph, alarm, facts)
                grouped.setdefault(replace(measured, signal="", pages=()), []).append(measured)
            events: dict[Timing, list[Timing]] = {}
            overtaken: set[Timing] = set()
            for page, query in ([] if later else breach_inputs(graph, kind)):
                measured = replace(timing(graph, page, facts, only=query), signal=f"bit of {kind}")
                key = replace(measured, signal="", pages=())
                event = event_page(graph, page, facts) if measured.event_driven else None
                if event:
                    # The failed run's event reaches the pager first; the bit's alarm then finds the page open.
                    events.setdefault(replace(event, pages=()), []).append(event)
                    overtaken.add(key)
                grouped.setdefault(key, []).append(measured)
            for same in events.values():
                result.append(Row(mode.name, same[0], len(same), False))
                found = True
            for key, same in grouped.items():
                result.append(Row(mode.name, same[0], len(same), later or key in overtaken))
                found = True
        if not found:
            result.append(Row(mode.name, None, 0, False))
    return result


def table(result: list[Row]) -> str:
    lines = ["| failure mode | signal → page | how the signal is published | alarm: period × evaluation periods, "
             "datapoints to alarm, statistic | publish | evaluate | page | typical | worst | goal (worst case) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for row in result:
        if row.timing is None:
            lines.append(f"| {row.mode} | not in this configuration | | | | | | | | |")
            continue
        t = row.timing
        signal = f"`{t.signal}`" + (f" and {row.count - 1} more" if row.count > 1 else "")
        page = " → ".join(f"`{p}`" for p in t.pages) or "**no page**"
        if row.later:
            goal = "later signal, not counted"
        elif not t.known:
            goal = "?"
        else:
            goal = f"≤ {clock(row.goal())}: {'yes' if row.meets() else '**no**'}"
        lines.append(f"| {row.mode}{' (later)' if row.later else ''} | {signal} → {page} | {t.source} | {t.alarm} | "
                     f"{stage(t.publish)} | {stage(t.evaluate)} | {stage(t.page)} | "
                     f"{'–' if t.flawed else clock(t.total('typical'))} | {'–' if t.flawed else clock(t.total('worst'))} | "
                     f"{goal} |")
    counted = [row for row in result if row.counts()]
    events = [row for row in counted if row.timing.event_driven]
    lines += ["", f"Goal met by {sum(row.meets() for row in counted)} of {len(counted)} rows "
                  f"({sum(row.meets() for row in events)} of {len(events)} event-driven ones within "
                  f"{clock(EVENT_GOAL)}); times in m:ss, typical–worst."]
    return "\n".join(lines) + "\n"


def explain(result: list[Row]) -> str:
    out = []
    for row in result:
        if row.timing:
            out.append(f"{row.mode}: {row.timing.signal}")
            for stage_name in ("publish", "evaluate", "page"):
                for span in getattr(row.timing, stage_name):
                    out.append(f"  {stage_name:8} {span.what}: {clock(span.typical)}–{clock(span.worst)}")
    return "\n".join(out) + "\n"


def with_table(readme: str, block: str) -> str:
    if BEGIN not in readme or END not in readme:
        raise InputError(f"README has no {BEGIN} … {END} markers")
    head, rest = readme.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{block}{END}{tail}"


def readme_table(readme: str) -> str:
    if BEGIN not in readme or END not in readme:
        raise InputError(f"README has no {BEGIN} … {END} markers")
    return readme.split(BEGIN, 1)[1].split(END, 1)[0].lstrip("\n")


def generate(app: Path, readme: str, facts_text: str, what_if: WhatIf = WhatIf()) -> list[Row]:
    return rows(Graph(app, what_if), page_model(readme), load_facts(facts_text))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tools/time-to-page", description=__doc__.split("\n\n")[0])
    parser.add_argument("assembly", nargs="?", default="cdk.out", help="a cloud assembly directory (default cdk.out)")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md between its markers")
    parser.add_argument("--explain", action="store_true", help="list each row's spans after the table")
    parser.add_argument("--period", type=int, help="what if every alarm's period were this many seconds")
    parser.add_argument("--schedule", type=int, help="what if every schedule's rate were this many seconds")
    args = parser.parse_args(argv)
    try:
        readme = README.read_text()
        result = generate(Path(args.assembly), readme, FACTS.read_text(), WhatIf(args.period, args.schedule))
        block = table(result)
        if args.readme:
            README.write_text(with_table(readme, block))
    except (InputError, AssemblyError, OSError, json.JSONDecodeError) as e:
        print(f"time-to-page: {e}", file=sys.stderr)
        return 2
    print(block + (explain(result) if args.explain else ""), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
