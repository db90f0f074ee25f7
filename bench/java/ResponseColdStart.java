import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.datapipeline.monitoring.response.AlarmResponseHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One cold invocation of AlarmResponseFunction the way Lambda makes it: the handler's no-argument constructor
 * (RESPONSE_CONFIG, AWS_REGION, credentials from the environment), then one handleRequest with an SNSEvent of
 * one record whose Message is the file named by the first argument (a CloudWatch alarm notification).
 * Lambda's runtime builds the SNSEvent from JSON with its own serializer; here it is built with the setters.
 */
public final class ResponseColdStart {
    public static void main(String[] args) throws Exception {
        AlarmResponseHandler handler = new AlarmResponseHandler();
        SNSEvent.SNS sns = new SNSEvent.SNS()
                .withMessage(Files.readString(Path.of(args[0])))
                .withMessageId("00000000-0000-0000-0000-000000000001")
                .withSubject("ALARM: \"GlueJobFailureAlarm\" in US East (N. Virginia)")
                .withTopicArn("arn:aws:sns:us-east-1:123456789012:data-pipeline-remediation")
                .withType("Notification");
        SNSEvent event = new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord()
                .withSns(sns).withEventSource("aws:sns").withEventVersion("1.0")));
        handler.handleRequest(event, null);
        System.out.println("BENCH-RESULT done");
    }
}
