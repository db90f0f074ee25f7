package com.datapipeline.monitoring.cdk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which nested stack each pipeline of a pipelines file lives in, kept in a file beside it
 * ({@code NAME.placement.json}) that the app appends to: a pipeline keeps its stack for as long as it is listed, so
 * adding, removing or reordering pipelines never moves another one's alarms and rules to another stack (which
 * CloudFormation would do by creating them anew while their names still exist in the old stack). A new pipeline
 * takes the lowest-numbered stack with room; a removed one leaves room behind.
 *
 * @param stackByJob 1-based stack number of each job
 */
public record PipelinePlacement(Path file, Map<String, Integer> stackByJob, boolean changed) {
    /**
     * Pipelines per nested stack: each adds about fifteen resources (twenty with every switch on), and
     * CloudFormation allows 500 per stack.
     */
    public static final int PIPELINES_PER_STACK = 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PipelinePlacement {
        Objects.requireNonNull(file, "file");
        stackByJob = java.util.Collections.unmodifiableMap(new TreeMap<>(stackByJob));
    }

    /** The placement file of a pipelines file: {@code pipelines/prod.json} → {@code pipelines/prod.placement.json}. */
    public static Path fileFor(Path pipelinesFile) {
        String name = pipelinesFile.getFileName().toString().replaceFirst("\\.json$", "");
        return pipelinesFile.resolveSibling(name + ".placement.json");
    }

    /** Keeps every listed job where the file has it, and gives each new job the first stack with room. */
    public static PipelinePlacement assign(Path file, List<String> jobs, int perStack) {
        Map<String, Integer> previous = read(file);
        Map<String, Integer> placed = new TreeMap<>();
        jobs.stream().filter(previous::containsKey).forEach(job -> placed.put(job, previous.get(job)));
        for (String job : jobs) {
            if (placed.containsKey(job)) {
                continue;
            }
            int stack = 1;
            while (countIn(placed, stack) >= perStack) {
                stack++;
            }
            placed.put(job, stack);
        }
        return new PipelinePlacement(file, placed, !placed.equals(previous));
    }

    public int stackOf(String job) {
        Integer stack = stackByJob.get(job);
        if (stack == null) {
            throw new IllegalArgumentException(job + " has no place in " + file);
        }
        return stack;
    }

    /** Writes the file when this placement differs from what it held. */
    public void saveIfChanged() {
        if (!changed) {
            return;
        }
        try {
            Files.writeString(file, JSON.writeValueAsString(stackByJob) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pipeline placement " + file, e);
        }
    }

    private static int countIn(Map<String, Integer> placed, int stack) {
        return (int) placed.values().stream().filter(s -> s == stack).count();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> read(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            Map<String, Object> raw = JSON.readValue(file.toFile(), Map.class);
            Map<String, Integer> placement = new TreeMap<>();
            raw.forEach((job, stack) -> {
                if (!(stack instanceof Integer number) || number < 1) {
                    throw new ConfigurationException("pipeline placement " + file + ": '" + job + "' has stack '"
                            + stack + "'; allowed: a whole number from 1 (or delete the entry to place it anew)");
                }
                placement.put(job, number);
            });
            return placement;
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("pipeline placement " + file
                    + " is not a JSON object of job names to stack" + " numbers: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigurationException("pipeline placement " + file + " cannot be read: " + e.getMessage());
        }
    }
}
