package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.template.TemplateException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the dev stack refuses before it starts anything. */
class DevStackTest {

    @TempDir Path folder;

    @Test
    void refusesAnSqsEventSourceWhoseQueueWouldRedeliverDuringAnInvocation() throws Exception {
        Path template = folder.resolve("template.yaml");
        Files.writeString(
                template,
                """
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                    Properties: {VisibilityTimeout: 10}
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: worker.jar
                      Handler: a.Worker::handleRequest
                      Timeout: 30
                      Events:
                        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Work.Arn, BatchSize: 1}}
                """);

        assertThatThrownBy(
                        () ->
                                DevStack.start(
                                        new DevStack.Options(
                                                template,
                                                folder.resolve("state"),
                                                0,
                                                0,
                                                0,
                                                0,
                                                Map.of(),
                                                Map.of()),
                                        new InvocationLog(
                                                new PrintStream(PrintStream.nullOutputStream())),
                                        Clock.systemUTC()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("VisibilityTimeout of 10 s")
                .hasMessageContaining("Timeout of 30 s");
        assertThat(folder.resolve("state")).doesNotExist();
    }

    @Test
    void portInUseNamesTheOptionsThatChangePorts() {
        ServiceStartException failure =
                new ServiceStartException(
                        "SQS (ElasticMQ) did not start on 127.0.0.1:9324",
                        new RuntimeException(
                                "bind failed",
                                new java.net.BindException("Address already in use")));

        assertThat(DevCommand.reason(failure))
                .isEqualTo(
                        "SQS (ElasticMQ) did not start on 127.0.0.1:9324: Address already in use"
                                + " (choose another port with --port, --sqs-port or --opensearch-port)");
    }
}
