package com.datapipeline.monitoring.response;

/** Publishes a page or a resolution on a human topic, named as the configuration names it ({@code pageTopics}). */
@FunctionalInterface
public interface PagePublisher {

    /**
     * @throws RuntimeException when it could not publish (the caller gives back what it claimed, and rethrows so
     *     that Lambda retries)
     */
    void publish(String topicName, PageMessage message);
}
