package com.datapipeline.monitoring.response;

import java.util.Optional;

/**
 * An Amazon Resource Name, {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}; the resource may contain colons.
 */
record Arn(String partition, String service, String region, String account, String resource) {

    /** The ARN in {@code text}, or empty if it is not one. */
    static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6
                || !parts[0].equals("arn")
                || parts[1].isEmpty()
                || parts[2].isEmpty()
                || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    boolean sameRegionAndAccount(Arn other) {
        return region.equals(other.region) && account.equals(other.account);
    }
}
