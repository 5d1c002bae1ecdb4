package dev.linkcrawl.local;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.lambda.FunctionLoader;
import dev.linkcrawl.local.lambda.FunctionUnavailableException;
import dev.linkcrawl.local.lambda.Invocation;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.lambda.LocalFunction;
import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.local.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./linkcrawl invoke <LogicalId> --event FILE}: like {@code sam local invoke}, runs one
 * function once with a sample event, against the services of a running {@code ./linkcrawl dev}
 * (read from {@code .linkcrawl/endpoints.json}). The response is one JSON line on standard output;
 * logs go to standard error.
 */
@Command(
        name = "invoke",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one function of template.yaml once with the event in FILE, against the queues and"
                    + " index of a running ./linkcrawl dev. Prints the response as one JSON line."
        })
final class InvokeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Console console;

    @Parameters(index = "0", paramLabel = "LogicalId", description = "A function of template.yaml.")
    String functionId;

    @Option(
            names = {"-e", "--event"},
            required = true,
            paramLabel = "FILE",
            description = "The event, as JSON (for example events/submit-link/valid.json).")
    Path eventFile;

    @Option(
            names = "--env",
            paramLabel = "KEY=VALUE",
            description = "Sets an environment variable of the function (repeatable).")
    Map<String, String> environment = new LinkedHashMap<>();

    @Option(
            names = "--parameter",
            paramLabel = "NAME=VALUE",
            description = "Overrides a template parameter's default (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    InvokeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Project project = Project.current();
        InvocationLog log = new InvocationLog(console.err());
        Endpoints endpoints;
        try {
            endpoints = runningServices(project.stateFolder());
        } catch (NotRunningException e) {
            console.err().println("linkcrawl invoke: " + e.getMessage());
            return 1;
        }
        String eventJson;
        try {
            eventJson = Files.readString(eventFile);
        } catch (NoSuchFileException e) {
            console.err().println("linkcrawl invoke: no event file " + eventFile);
            return 2;
        }

        LocalFunction function;
        try {
            SamTemplate template = SamTemplate.read(project.template()).withParameters(parameters);
            FunctionResource resource = template.function(functionId);
            Map<String, String> values = endpoints.environmentOf(template, resource, environment);
            function =
                    new FunctionLoader(project.root(), Clock.systemUTC(), console.err())
                            .load(resource, values);
        } catch (TemplateException | FunctionUnavailableException e) {
            console.err().println("linkcrawl invoke: " + e.getMessage());
            return 1;
        }

        Object event;
        try {
            event = function.readEvent(eventJson);
        } catch (RuntimeException e) {
            console.err()
                    .println(
                            "linkcrawl invoke: "
                                    + eventFile
                                    + " is not a "
                                    + function.inputType().getSimpleName()
                                    + ": "
                                    + e.getMessage());
            return 2;
        }

        // Whatever a handler prints belongs to its log, not to the one line of output.
        PrintStream stdout = System.out;
        System.setOut(console.err());
        Invocation invocation;
        try {
            invocation = function.invoke(event);
        } finally {
            System.setOut(stdout);
        }
        log.invoked(
                function.name(),
                "invoke " + eventFile,
                invocation.outcome(),
                invocation.duration());
        return switch (invocation) {
            case Invocation.Completed completed -> {
                console.out().println(serialize(function, completed.output()));
                yield 0;
            }
            case Invocation.Failed failed -> {
                console.out()
                        .println(
                                JSON.createObjectNode()
                                        .put("errorType", failed.error().getClass().getName())
                                        .put(
                                                "errorMessage",
                                                String.valueOf(failed.error().getMessage())));
                yield 1;
            }
            case Invocation.TimedOut timedOut -> {
                console.out()
                        .println(
                                JSON.createObjectNode()
                                        .put(
                                                "errorMessage",
                                                "Task timed out after "
                                                        + function.timeout().toSeconds()
                                                        + " seconds"));
                yield 1;
            }
        };
    }

    /** The endpoints of a running dev, or why there is none. */
    static Endpoints runningServices(Path stateFolder) throws NotRunningException {
        Endpoints endpoints;
        try {
            endpoints = Endpoints.read(stateFolder);
        } catch (IOException | RuntimeException e) {
            throw new NotRunningException(
                    "start ./linkcrawl dev first (no readable "
                            + Endpoints.file(stateFolder)
                            + ")");
        }
        for (URI endpoint :
                new URI[] {
                    endpoints.sqsEndpoint(), endpoints.openSearchEndpoint(), endpoints.s3Endpoint()
                }) {
            if (!answers(endpoint)) {
                throw new NotRunningException(
                        "start ./linkcrawl dev first (nothing answers at "
                                + endpoint
                                + "; "
                                + Endpoints.file(stateFolder)
                                + " is left from process "
                                + endpoints.pid()
                                + ")");
            }
        }
        return endpoints;
    }

    private static boolean answers(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The handler's output as Lambda returns it: one line of JSON. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String serialize(LocalFunction function, Object output) {
        if (output == null) {
            return "null";
        }
        if (output instanceof JsonNode tree) {
            return tree.toString();
        }
        if (output instanceof String text && function.streaming()) {
            // A stream handler's answer that is not JSON: its bytes, kept to one line.
            return text.replace("\r", "").replace("\n", " ");
        }
        PojoSerializer serializer =
                LambdaEventSerializers.serializerFor(
                        (Class) output.getClass(), function.classLoader());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializer.toJson(output, bytes);
        return bytes.toString(StandardCharsets.UTF_8).replace("\n", "");
    }

    /** No dev process serves the endpoints a command needs. */
    static final class NotRunningException extends Exception {
        NotRunningException(String message) {
            super(message);
        }
    }
}
