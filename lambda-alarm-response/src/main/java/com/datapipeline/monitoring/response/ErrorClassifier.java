package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.ErrorClass;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps what Glue reports about a failed run to an {@link ErrorClass}: first the text (job run insights' root cause,
 * then the run's ErrorMessage) against known error texts, then Glue's own error category (the observability
 * {@code glue.error.<CATEGORY>} name, which Glue 4.0 and later also write into the ErrorMessage as
 * {@code Error Category: <CATEGORY>;}). Nothing known gives {@link ErrorClass#UNKNOWN}.
 *
 * <p>The rules are ordered: memory and disk before lost workers (YARN kills an executor that exceeds its memory,
 * and Spark reports that as a lost executor), permissions before everything (an access error wrapped in a Spark
 * or Python error is still an access error), data before code (a missing column is an analysis error of the query
 * but a change of the input). The test table {@code glue-error-texts.json} holds real Glue error texts and where
 * each came from.
 */
public final class ErrorClassifier {

    /** One failed run's evidence; any part may be empty. */
    public record Evidence(String errorMessage, List<String> rootCause, Set<String> categories) {
        public Evidence {
            errorMessage = errorMessage == null ? "" : errorMessage;
            rootCause = List.copyOf(rootCause);
            categories = Set.copyOf(categories);
        }

        public static Evidence ofMessage(String errorMessage) {
            return new Evidence(errorMessage, List.of(), Set.of());
        }
    }

    /** The class and, for the page and the log, what decided it. */
    public record Classification(ErrorClass errorClass, String basis) {
        public Classification {
            Objects.requireNonNull(errorClass, "errorClass");
            Objects.requireNonNull(basis, "basis");
        }
    }

    private record Rule(ErrorClass errorClass, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            // Memory and disk.
            rule(
                    ErrorClass.RESOURCES,
                    "OutOfMemoryError|Java heap space|GC overhead limit exceeded"
                            + "|\\bMemoryError\\b|exceeding memory limits|memoryOverhead|Exit code is 137"
                            + "|No space left on device|MetadataFetchFailedException|Missing an output location for shuffle"),
            // Access: IAM, resource policies, KMS, Lake Formation, the job's role.
            rule(
                    ErrorClass.PERMISSIONS,
                    "AccessDenied|Access Denied|not authorized to perform|is unauthorized"
                            + "|UnauthorizedOperation|Failed to call ec2:|ciphertext refers to a customer master key"
                            + "|KMS\\.AccessDenied|Insufficient Lake Formation permission|assume role permissions"
                            + "|Access Key Id you provided does not exist|Status Code: 403"),
            // Passing conditions: throttling, slow-down, concurrency and capacity limits, lost workers, AWS faults.
            rule(
                    ErrorClass.TRANSIENT,
                    "Throttling|Rate exceeded|SlowDown|Slow Down|reduce your request rate"
                            + "|ConcurrentRunsExceeded|Max(imum)? concurrent|Too many jobs are being run concurrently"
                            + "|Resource unavailable|ResourceNumberLimitExceeded|insufficient capacity|InsufficientCapacity"
                            + "|enough free addresses|IP addresses on subnet"
                            + "|ExecutorLostFailure|Lost executor|Executor heartbeat timed out|Worker lost"
                            + "|InternalServiceException|internal service error|InternalFailure|ServiceUnavailable"
                            + "|Status Code: 503"),
            // The input: columns, paths, schemas, formats, malformed records.
            rule(
                    ErrorClass.DATA,
                    "cannot resolve|UNRESOLVED_COLUMN|No such struct field|Path does not exist"
                            + "|PATH_NOT_FOUND|Parquet column cannot be converted|schema mismatch|incompatible schema"
                            + "|Malformed records|Unable to parse file|CSV header does not conform|duplicate key value"),
            // The script: Python errors, imports, arguments, other Spark analysis errors.
            rule(
                    ErrorClass.CODE,
                    "\\b(NameError|SyntaxError|IndentationError|ImportError|ModuleNotFoundError"
                            + "|AttributeError|TypeError|KeyError|GlueArgumentError|AnalysisException|ParseException)\\b"
                            + "|No module named"));

    /** Glue's error categories (observability metric names and ErrorMessage prefix) with a class of their own. */
    static final Map<String, ErrorClass> CATEGORIES = Map.ofEntries(
            Map.entry("THROTTLING_ERROR", ErrorClass.TRANSIENT),
            Map.entry("GLUE_INTERNAL_SERVICE_ERROR", ErrorClass.TRANSIENT),
            Map.entry("OUT_OF_MEMORY_ERROR", ErrorClass.RESOURCES),
            Map.entry("DISK_NO_SPACE_ERROR", ErrorClass.RESOURCES),
            Map.entry("PERMISSION_ERROR", ErrorClass.PERMISSIONS),
            Map.entry("SYNTAX_ERROR", ErrorClass.CODE),
            Map.entry("COMPILATION_ERROR", ErrorClass.CODE),
            Map.entry("IMPORT_ERROR", ErrorClass.CODE),
            Map.entry("INVALID_ARGUMENT_ERROR", ErrorClass.CODE),
            Map.entry("RESOURCE_NOT_FOUND_ERROR", ErrorClass.DATA));

    private static final Pattern CATEGORY_PREFIX = Pattern.compile("Error Category:\\s*([A-Z_]+)");

    private ErrorClassifier() {}

    private static Rule rule(ErrorClass errorClass, String regex) {
        return new Rule(errorClass, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    public static Classification classify(Evidence evidence) {
        List<Labelled> texts = new ArrayList<>();
        evidence.rootCause().forEach(line -> texts.add(new Labelled("the job run insights root cause", line)));
        texts.add(new Labelled("the run's error message", evidence.errorMessage()));
        for (Rule rule : RULES) {
            for (Labelled text : texts) {
                Matcher matcher = rule.pattern().matcher(text.text());
                if (matcher.find()) {
                    return new Classification(rule.errorClass(), "'" + matcher.group() + "' in " + text.label());
                }
            }
        }
        for (String category : categories(evidence)) {
            ErrorClass errorClass = CATEGORIES.get(category);
            if (errorClass != null) {
                return new Classification(errorClass, "Glue error category " + category);
            }
        }
        return new Classification(
                ErrorClass.UNKNOWN,
                evidence.errorMessage().isBlank() && evidence.rootCause().isEmpty()
                        ? "Glue reported no error text"
                        : "no known error text");
    }

    /** The categories of the evidence, then the one the ErrorMessage names, in that order. */
    private static Set<String> categories(Evidence evidence) {
        Set<String> categories =
                new LinkedHashSet<>(evidence.categories().stream().sorted().toList());
        prefixCategory(evidence.errorMessage()).ifPresent(categories::add);
        return categories;
    }

    /** The {@code Error Category: X} that Glue 4.0 and later put in front of a run's ErrorMessage. */
    static Optional<String> prefixCategory(String errorMessage) {
        Matcher matcher = CATEGORY_PREFIX.matcher(errorMessage);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private record Labelled(String label, String text) {}
}
