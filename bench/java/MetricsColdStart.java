import com.datapipeline.monitoring.metrics.PipelineMetricsHandler;
import java.util.Map;

/**
 * One cold invocation of DataPipelineMetricsFunction the way Lambda makes it: the handler's no-argument
 * constructor (config from PIPELINES_CONFIG, region from AWS_REGION, credentials from the environment), then one
 * handleRequest with a scheduled event. Prints the result and a marker line; bench/cold_start.py times the
 * process from fork to the marker. Compiled by bench/run against target/lambda-metrics.jar, run on that jar only.
 */
public final class MetricsColdStart {
    public static void main(String[] args) {
        PipelineMetricsHandler handler = new PipelineMetricsHandler();
        Map<String, Object> result = handler.handleRequest(Map.of("source", "aws.events",
                "detail-type", "Scheduled Event"), null);
        System.out.println("BENCH-RESULT " + result);
    }
}
