package com.datapipeline.monitoring.response;

/**
 * Puts a page's text into the pipeline's page alarm, so that the one page of the incident carries it. See
 * {@link AlarmStatePage}.
 */
@FunctionalInterface
public interface PageDelivery {

    /** Delivers nothing: the page text is only logged. */
    PageDelivery NONE = (alarm, text) -> new Result(Status.NOT_DELIVERED, "no page delivery configured");

    /** What became of a page text, and why in words (the decision line's {@code pageDelivery}). */
    record Result(Status status, String detail) {
        @Override
        public String toString() {
            return status.logName() + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** What became of a page text. */
    enum Status {
        /**
         * The page alarm went to ALARM with the text as its reason: the page carries it; or, for a one-alarm pipeline,
         * the function published the page on the human topic.
         */
        PAGED("paged"),
        /** The page alarm was in ALARM already (its page went out, or an earlier incident holds it open). */
        ALREADY_OPEN("already-open"),
        /** The configuration names no page alarm for the pipeline, or the alarm does not exist. */
        NO_PAGE_ALARM("no-page-alarm"),
        /** Not tried (no delivery configured) or CloudWatch refused: the alarm pages by itself, without the text. */
        NOT_DELIVERED("not-delivered"),
        /** The function, as the pager of a one-alarm pipeline, published the page's resolution. */
        RESOLVED("resolved"),
        /** The function, as the pager of a one-alarm pipeline, had no open page to resolve. */
        NOTHING_OPEN("nothing-open");

        private final String logName;

        Status(String logName) {
            this.logName = logName;
        }

        public String logName() {
            return logName;
        }
    }

    Result deliver(String pageAlarm, String text);
}
