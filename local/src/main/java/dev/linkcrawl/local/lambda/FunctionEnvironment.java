package dev.linkcrawl.local.lambda;

import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.TemplateException;
import dev.linkcrawl.local.template.UnresolvableValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's environment variables, resolved locally. From lowest to highest precedence: the
 * template's ({@code Globals} then the function's own, intrinsics evaluated against local
 * resources), what Lambda itself sets ({@code AWS_REGION}, {@code AWS_LAMBDA_FUNCTION_NAME}, …),
 * the runner's local endpoints, and the user's {@code --env KEY=VALUE}. A template value is only
 * evaluated when nothing overrides it, so a domain endpoint that exists only on AWS never needs a
 * local value. {@code JAVA_TOOL_OPTIONS} is dropped: the function shares the runner's JVM.
 */
public final class FunctionEnvironment {

    /** Options for a JVM that a function in the runner's JVM cannot have. */
    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private FunctionEnvironment() {}

    /**
     * Resolves {@code function}'s variables.
     *
     * @param runnerValues variables the runner sets for every function (local endpoints)
     * @param userValues {@code --env} values, which win over everything
     * @throws TemplateException listing every variable without a local value, with a hint
     */
    public static Map<String, String> resolve(
            FunctionResource function,
            Intrinsics intrinsics,
            Map<String, String> runnerValues,
            Map<String, String> userValues) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("AWS_REGION", Intrinsics.REGION);
        overrides.put("AWS_DEFAULT_REGION", Intrinsics.REGION);
        overrides.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        overrides.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        overrides.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
        overrides.putAll(runnerValues);
        overrides.putAll(userValues);

        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        function.environment()
                .forEach(
                        (name, value) -> {
                            if (name.equals(JAVA_TOOL_OPTIONS) || overrides.containsKey(name)) {
                                return;
                            }
                            try {
                                resolved.put(name, intrinsics.text(value));
                            } catch (UnresolvableValueException e) {
                                problems.add(
                                        name
                                                + ": "
                                                + e.getMessage()
                                                + " (set it with --env "
                                                + name
                                                + "=…)");
                            }
                        });
        if (!problems.isEmpty()) {
            throw new TemplateException(
                    function.logicalId()
                            + ": environment variables without a local value: "
                            + String.join("; ", problems));
        }
        resolved.putAll(overrides);
        resolved.remove(JAVA_TOOL_OPTIONS);
        return resolved;
    }
}
