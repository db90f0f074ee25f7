package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.ErrorClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's example pages are what the function sends: one failed run of each error class through the response
 * path, as it reaches the page alarm, and the page of a pause. A changed page text fails here until the README shows it; the pages are
 * written to target/page-examples.md to copy from.
 */
class PageExamplesTest {

    static List<String> examples() {
        List<String> examples = new ArrayList<>();
        for (ErrorClass errorClass : ErrorClass.values()) {
            PageTest test = new PageTest();
            test.failedRunOf(errorClass);
            examples.add("#### " + errorClass.configName() + "\n\n```text\n" + test.pages.texts.get(0) + "\n```\n");
        }
        PageTest pause = new PageTest();
        pause.thirdCodeFailureOfAPipelineThatPauses();
        examples.add("#### code, routed to pause-trigger: the third failure in a row\n\n```text\n"
                + pause.pages.texts.get(0) + "\n```\n");
        return examples;
    }

    @Test
    void readmeShowsThePageOfEachErrorClassAsTheFunctionWritesIt() throws IOException {
        List<String> examples = examples();
        Files.writeString(
                Path.of("page-examples.md").toAbsolutePath(), String.join("\n", examples), StandardCharsets.UTF_8);
        String readme = Files.readString(PageTest.repositoryFile("README.md"));

        assertThat(examples)
                .hasSize(ErrorClass.values().length + 1)
                .allSatisfy(example -> assertThat(readme).contains(example));
    }
}
