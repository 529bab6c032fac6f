package org.triggerpoint.clinic.command.http;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's curl walk-through, run exactly as written against this command side: it must keep working. */
@CommandSideIntegrationTest
class ReadmeWalkthroughIT {

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- walkthrough:start -->\\s*```bash\\n(.*?)```\\s*<!-- walkthrough:end -->", Pattern.DOTALL);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCurlWalkthroughRecordsAWholeSession() throws IOException, InterruptedException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher block = BLOCK.matcher(readme);
        assertThat(block.find()).as("README.md has a marked walk-through block").isTrue();

        ProcessBuilder bash = new ProcessBuilder("bash", "-c", block.group(1)).redirectErrorStream(true);
        bash.environment().put("CMD", "http://127.0.0.1:" + port);
        bash.environment().put("CLINIC_ADMIN_PASSWORD", ClinicHttp.ADMIN_PASSWORD);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        Matcher recorded = Pattern.compile("recorded session (\\S+) for client (\\S+)").matcher(output);
        assertThat(recorded.find()).as(output).isTrue();
        assertThat(new StoredEvents(jdbc).typesOf(recorded.group(1))).containsExactly("SessionStarted",
                "AssessmentRecorded", "TriggerPointIdentified", "TriggerPointReleased", "TechniqueApplied",
                "SessionCompleted", "SorenessReported", "SessionAmended");
    }
}
