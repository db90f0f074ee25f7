package com.datapipeline.monitoring.response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What went wrong once, whichever notifications report it: one failed Glue run ({@code <job>/run/<runId>}), or one
 * alarm transition ({@code <alarm>/transition/<StateChangeTime>}) for an alarm that names no run. The function
 * starts a job at most once per incident.
 */
public record Incident(String id) {

    public Incident {
        Objects.requireNonNull(id, "id");
    }

    /** The failure of run {@code runId} of {@code job}: its Glue event and its job's failure alarm both map here. */
    public static Incident ofRun(String job, String runId) {
        return new Incident(job + "/run/" + runId);
    }

    /** One transition of an alarm, which with its name identifies one firing. */
    public static Incident ofTransition(String alarmName, String stateChangeTime) {
        return new Incident(alarmName + "/transition/" + stateChangeTime);
    }

    /**
     * {@code incident-} and a hash of the id: the {@code --remediation-key} run argument of the run started for this
     * incident, of bounded length whatever the job or alarm name.
     */
    public String remediationKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "incident-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
