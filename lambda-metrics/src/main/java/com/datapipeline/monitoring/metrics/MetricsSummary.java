package com.datapipeline.monitoring.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one invocation did, pipeline by pipeline; the handler returns it as a map. */
public record MetricsSummary(List<PipelineOutcome> pipelines) {

    public MetricsSummary {
        pipelines = List.copyOf(pipelines);
    }

    public PipelineOutcome pipeline(String name) {
        return pipelines.stream()
                .filter(p -> p.pipeline().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pipeline named " + name));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> pipelinesByName = new LinkedHashMap<>();
        pipelines.forEach(p -> pipelinesByName.put(p.pipeline(), p.toMap()));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("pipelines", pipelinesByName);
        map.put("failed", pipelines.stream().filter(PipelineOutcome::failed).count());
        return map;
    }
}
