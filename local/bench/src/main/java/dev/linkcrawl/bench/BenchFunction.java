package dev.linkcrawl.bench;

import dev.linkcrawl.local.lambda.FunctionEnvironment;
import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.Intrinsics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function of the template as the benchmark starts it.
 *
 * @param resource the template's function
 * @param name its folder under {@code functions/} and {@code events/} (its jar's name without
 *     {@code .jar}), for example {@code crawl-link}
 * @param jar the shaded jar its {@code CodeUri} names
 */
record BenchFunction(FunctionResource resource, String name, Path jar) {

    BenchFunction {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jar, "jar");
    }

    static BenchFunction of(FunctionResource resource, Path projectRoot) {
        Path jar = projectRoot.resolve(resource.codeUri()).normalize();
        String fileName = jar.getFileName().toString();
        if (!fileName.endsWith(".jar")) {
            throw new IllegalArgumentException(
                    resource.logicalId() + ": CodeUri " + resource.codeUri() + " is not a jar");
        }
        return new BenchFunction(
                resource, fileName.substring(0, fileName.length() - ".jar".length()), jar);
    }

    /**
     * The variables Lambda would give the function, with the local runner's rules ({@link
     * FunctionEnvironment}: the template's, Lambda's own, then {@code localValues}), plus what the
     * runner leaves out because its functions share its JVM: {@code JAVA_TOOL_OPTIONS}, as the
     * template sets it, and credentials in the environment, where Lambda puts them.
     */
    Map<String, String> environment(Intrinsics intrinsics, Map<String, String> localValues) {
        Map<String, String> environment =
                new LinkedHashMap<>(
                        FunctionEnvironment.resolve(resource, intrinsics, localValues, Map.of()));
        javaToolOptions(intrinsics)
                .ifPresent(options -> environment.put("JAVA_TOOL_OPTIONS", options));
        environment.put("AWS_ACCESS_KEY_ID", BenchServices.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", BenchServices.SECRET_KEY);
        environment.put("TZ", ":UTC");
        return environment;
    }

    /** {@code JAVA_TOOL_OPTIONS} as the template sets it for this function, if it does. */
    Optional<String> javaToolOptions(Intrinsics intrinsics) {
        return Optional.ofNullable(resource.environment().get("JAVA_TOOL_OPTIONS"))
                .map(intrinsics::text);
    }
}
