package com.datapipeline.monitoring.cdk.context;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A checked-in file that lists the pipelines to monitor (selected by the context key {@code pipelinesFile}), for
 * more pipelines than a {@code -c} value holds: {@code {"pipelines": ["orders-etl", {"jobName": "billing-etl",
 * ...}]}}, each entry as in {@code monitoredJobs}; {@code pipelines/schema.json} is its JSON Schema. This class
 * reads the file's shape; {@link PipelineEntries} validates each entry and names the file, entry and field.
 */
final class PipelinesFile {
    private static final Set<String> FIELDS = Set.of("$schema", "pipelines");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelinesFile() {}

    @SuppressWarnings("unchecked")
    static List<Object> entries(Path file) {
        Object root;
        try {
            root = JSON.readValue(Files.readString(file), Object.class);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("pipelines file " + file + " does not exist (context key '"
                    + ConfigKeys.PIPELINES_FILE.name() + "' is read from the project root)");
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("pipelines file " + file + " is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new ConfigurationException("pipelines file " + file + " cannot be read: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("pipelines") instanceof List<?> pipelines)) {
            throw new ConfigurationException("pipelines file " + file + " must be an object with a 'pipelines' list,"
                    + " e.g. {\"pipelines\": [\"orders-etl\"]}");
        }
        Set<String> unknown = new TreeSet<>(((Map<String, Object>) map).keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException(
                    "pipelines file " + file + ": unknown field(s) " + unknown + "; allowed: " + new TreeSet<>(FIELDS));
        }
        if (pipelines.isEmpty()) {
            throw new ConfigurationException("pipelines file " + file + " lists no pipelines; remove '"
                    + ConfigKeys.PIPELINES_FILE.name() + "' to monitor the lab's sample job instead");
        }
        return List.copyOf(pipelines);
    }
}
