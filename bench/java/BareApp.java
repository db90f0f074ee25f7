import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sns.Topic;

/**
 * The floor for the synth figures: the smallest useful CDK Java app (one stack, one SNS topic), on the same
 * classpath and JVM as the real app, so what it costs is what any CDK Java app costs (JVM, jsii runtime,
 * validation), and the difference to MonitoringApp is what our constructs cost.
 */
public final class BareApp {
    public static void main(String[] args) {
        App app = new App();
        Stack stack = new Stack(app, "BareStack");
        Topic.Builder.create(stack, "Topic").topicName("bench-topic").build();
        app.synth();
    }
}
