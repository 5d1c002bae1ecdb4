package dev.linkcrawl.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.local.template.SamTemplate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function's {@code Handler} class is in the jar its {@code CodeUri} names — what {@code sam
 * deploy} ships. The reactor packages the functions before local's tests run, so a missing jar
 * fails here (build it with {@code ./mvnw package}).
 */
class HandlerJarsTest {

    private static final Path ROOT = Path.of("..");

    @TestFactory
    Stream<DynamicTest> everyHandlerClassIsInTheJarItsCodeUriNames() {
        FunctionLoader loader =
                new FunctionLoader(
                        ROOT, Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()));
        return SamTemplate.read(ROOT.resolve("template.yaml")).functions().stream()
                .map(
                        function ->
                                DynamicTest.dynamicTest(
                                        function.logicalId(),
                                        () -> {
                                            Path jar = loader.jar(function);
                                            assertThat(jar)
                                                    .as(
                                                            "%s: CodeUri %s does not exist; run ./mvnw -B package",
                                                            function.logicalId(),
                                                            function.codeUri())
                                                    .isRegularFile();
                                            assertThat(loader.jarHoldsHandler(function))
                                                    .as(
                                                            "%s: %s is not in %s",
                                                            function.logicalId(),
                                                            function.handler().className(),
                                                            jar)
                                                    .isTrue();
                                        }));
    }
}
