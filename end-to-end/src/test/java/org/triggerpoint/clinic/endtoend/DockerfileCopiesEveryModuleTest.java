package org.triggerpoint.clinic.endtoend;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker image builds one application with Maven's reactor, which reads the pom of every module the parent pom
 * lists, even with {@code -pl}: so the Dockerfile's build stage must copy each module, whole or its pom alone. Two
 * modules added to the parent pom and not to the Dockerfile broke the image build once, unnoticed, as no Docker engine
 * runs here to build it.
 */
class DockerfileCopiesEveryModuleTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theBuildStageCopiesEveryModuleOfTheReactor() throws IOException {
        List<String> modules = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(ROOT.resolve("pom.xml"))).results().map(match -> match.group(1)).toList();
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));

        assertThat(modules).contains("command-side", "query-side");
        assertThat(modules).allSatisfy(module -> assertThat(dockerfile).as(module).containsPattern(
                "(?m)^COPY " + Pattern.quote(module) + "/(pom\\.xml)? " + Pattern.quote(module) + "/$"));
    }

    @Test
    void itCopiesTheApplicationsAndWhatTheyAreBuiltFromWhole() throws IOException {
        List<String> copiedWhole = Pattern.compile("(?m)^COPY ([a-z-]+)/ \\1/$")
                .matcher(Files.readString(ROOT.resolve("docker/Dockerfile"))).results().map(match -> match.group(1))
                .toList();

        assertThat(copiedWhole).contains("shared-events", "web-support", "command-side", "query-side");
    }
}
