package dev.linkcrawl.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions (long forms) the way a deployment would, with local
 * stand-ins: parameters take their override or {@code Default}, conditions are evaluated from them,
 * and resources answer through {@link ResourceValues} (a local queue's URL, ARN and name). Anything
 * without a local value raises {@link UnresolvableValueException}.
 */
public final class Intrinsics {

    /** The region, account and partition every local resource claims. */
    public static final String REGION = "us-east-1";

    public static final String ACCOUNT_ID = "000000000000";
    public static final String PARTITION = "aws";
    public static final String STACK_NAME = "linkcrawl-local";

    /** Values of the template's resources that exist locally. */
    public interface ResourceValues {
        /** What {@code !Ref logicalId} gives, if the resource exists locally. */
        Optional<Object> ref(String logicalId);

        /** What {@code !GetAtt logicalId.attribute} gives, if known locally. */
        Optional<Object> attribute(String logicalId, String attribute);

        /** These values, and where they have none, {@code others}'. */
        default ResourceValues or(ResourceValues others) {
            ResourceValues first = this;
            return new ResourceValues() {
                @Override
                public Optional<Object> ref(String logicalId) {
                    return first.ref(logicalId).or(() -> others.ref(logicalId));
                }

                @Override
                public Optional<Object> attribute(String logicalId, String attribute) {
                    return first.attribute(logicalId, attribute)
                            .or(() -> others.attribute(logicalId, attribute));
                }
            };
        }

        /** No resource has a local value. */
        static ResourceValues none() {
            return new ResourceValues() {
                @Override
                public Optional<Object> ref(String logicalId) {
                    return Optional.empty();
                }

                @Override
                public Optional<Object> attribute(String logicalId, String attribute) {
                    return Optional.empty();
                }
            };
        }
    }

    /** {@code AWS::NoValue}: removes the property or list element that holds it. */
    private static final Object NO_VALUE = new Object();

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private final SamTemplate template;
    private final ResourceValues resources;
    private final Set<String> conditionsInProgress = new HashSet<>();

    Intrinsics(SamTemplate template, ResourceValues resources) {
        this.template = template;
        this.resources = resources;
    }

    /**
     * Evaluates every intrinsic function inside {@code node}; plain values are returned as they are
     * (maps and lists as copies without {@code AWS::NoValue} entries).
     */
    public Object evaluate(Object node) {
        Object value = evaluateOrNoValue(node);
        return value == NO_VALUE ? null : value;
    }

    /** Evaluates {@code node} to text, as an environment variable holds it. */
    public String text(Object node) {
        Object value = evaluate(node);
        if (value == null) {
            throw new UnresolvableValueException("the value is AWS::NoValue or empty");
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new UnresolvableValueException("expected text, found " + value);
        }
        return value.toString();
    }

    /** Evaluates {@code node} to a whole number ({@code !Ref} to a Number parameter is text). */
    public int integer(Object node) {
        String text = text(node);
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UnresolvableValueException("expected a whole number, found " + text);
        }
    }

    /** The value of condition {@code name} of the template's {@code Conditions}. */
    public boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new UnresolvableValueException("no condition named " + name);
        }
        if (!conditionsInProgress.add(name)) {
            throw new UnresolvableValueException("condition " + name + " refers to itself");
        }
        try {
            return bool(evaluate(definition), "condition " + name);
        } finally {
            conditionsInProgress.remove(name);
        }
    }

    private Object evaluateOrNoValue(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                if (only.getKey() instanceof String key
                        && (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition"))
                        && !(key.equals("Condition") && !(only.getValue() instanceof String))) {
                    return function(key, only.getValue());
                }
            }
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object value = evaluateOrNoValue(entry.getValue());
                if (value != NO_VALUE) {
                    copy.put(entry.getKey(), value);
                }
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object element : list) {
                Object value = evaluateOrNoValue(element);
                if (value != NO_VALUE) {
                    copy.add(value);
                }
            }
            return copy;
        }
        return node;
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(stringArgument(name, argument));
            case "Condition" -> condition(stringArgument(name, argument));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::If" -> fnIf(argument);
            case "Fn::Equals" -> {
                List<?> pair = listArgument(name, argument, 2);
                yield normalize(evaluate(pair.get(0))).equals(normalize(evaluate(pair.get(1))));
            }
            case "Fn::Not" -> !bool(evaluate(listArgument(name, argument, 1).getFirst()), name);
            case "Fn::And" -> {
                boolean all = true;
                for (Object operand : listArgument(name, argument, -1)) {
                    all &= bool(evaluate(operand), name);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (Object operand : listArgument(name, argument, -1)) {
                    any |= bool(evaluate(operand), name);
                }
                yield any;
            }
            case "Fn::Join" -> {
                List<?> arguments = listArgument(name, argument, 2);
                String delimiter = text(arguments.get(0));
                List<String> parts = new ArrayList<>();
                for (Object part : asList(evaluate(arguments.get(1)), name)) {
                    parts.add(part.toString());
                }
                yield String.join(delimiter, parts);
            }
            case "Fn::Select" -> {
                List<?> arguments = listArgument(name, argument, 2);
                int index = integer(arguments.get(0));
                List<?> values = asList(evaluate(arguments.get(1)), name);
                if (index < 0 || index >= values.size()) {
                    throw new UnresolvableValueException(
                            "Fn::Select index " + index + " is outside " + values);
                }
                yield values.get(index);
            }
            case "Fn::Split" -> {
                List<?> arguments = listArgument(name, argument, 2);
                yield List.of(
                        text(arguments.get(1)).split(Pattern.quote(text(arguments.get(0))), -1));
            }
            case "Fn::FindInMap" -> findInMap(listArgument(name, argument, 3));
            case "Fn::Base64" ->
                    Base64.getEncoder()
                            .encodeToString(text(argument).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(REGION + "a", REGION + "b", REGION + "c");
            case "Fn::ImportValue" ->
                    throw new UnresolvableValueException(
                            "Fn::ImportValue " + argument + " reads another stack");
            default ->
                    throw new UnresolvableValueException(
                            name + " has no local evaluation (" + argument + ")");
        };
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return REGION;
            case "AWS::AccountId":
                return ACCOUNT_ID;
            case "AWS::Partition":
                return PARTITION;
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return STACK_NAME;
            case "AWS::StackId":
                return "arn:aws:cloudformation:"
                        + REGION
                        + ":"
                        + ACCOUNT_ID
                        + ":stack/"
                        + STACK_NAME
                        + "/local";
            case "AWS::NotificationARNs":
                return List.of();
            case "AWS::NoValue":
                return NO_VALUE;
            default:
                break;
        }
        if (template.parameterNames().contains(name)) {
            return template.parameterValue(name)
                    .orElseThrow(
                            () ->
                                    new UnresolvableValueException(
                                            "parameter "
                                                    + name
                                                    + " has no Default; pass --parameter "
                                                    + name
                                                    + "=…"));
        }
        if (!template.resources().containsKey(name)) {
            throw new UnresolvableValueException(
                    "!Ref " + name + ": no parameter or resource of that name");
        }
        return resources
                .ref(name)
                .orElseThrow(
                        () ->
                                new UnresolvableValueException(
                                        "!Ref " + name + ": the resource has no local value"));
    }

    private Object getAtt(Object argument) {
        List<?> parts = listArgument("Fn::GetAtt", argument, 2);
        String resource = text(parts.get(0));
        String attribute = text(parts.get(1));
        if (!template.resources().containsKey(resource)) {
            throw new UnresolvableValueException(
                    "!GetAtt " + resource + "." + attribute + ": no resource of that name");
        }
        return resources
                .attribute(resource, attribute)
                .orElseThrow(
                        () ->
                                new UnresolvableValueException(
                                        "!GetAtt "
                                                + resource
                                                + "."
                                                + attribute
                                                + " has no local value"));
    }

    private Object fnIf(Object argument) {
        List<?> arguments = listArgument("Fn::If", argument, 3);
        return condition(text(arguments.get(0)))
                ? evaluateOrNoValue(arguments.get(1))
                : evaluateOrNoValue(arguments.get(2));
    }

    private String sub(Object argument) {
        String format;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> list) {
            if (list.size() != 2 || !(list.get(1) instanceof Map<?, ?> map)) {
                throw new UnresolvableValueException(
                        "Fn::Sub takes a string or [string, {variables}]");
            }
            format = text(list.get(0));
            variables = map;
        } else {
            format = text(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(format);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (!matcher.group(1).isEmpty()) {
                replacement = "${" + matcher.group(2) + "}";
            } else {
                String variable = matcher.group(2).strip();
                if (variables.containsKey(variable)) {
                    replacement = text(variables.get(variable));
                } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                    int dot = variable.indexOf('.');
                    replacement =
                            String.valueOf(
                                    getAtt(
                                            List.of(
                                                    variable.substring(0, dot),
                                                    variable.substring(dot + 1))));
                } else {
                    Object value = ref(variable);
                    replacement =
                            value instanceof List<?> list
                                    ? String.join(",", list.stream().map(String::valueOf).toList())
                                    : String.valueOf(value);
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private Object findInMap(List<?> arguments) {
        String mapName = text(arguments.get(0));
        String top = text(arguments.get(1));
        String second = text(arguments.get(2));
        Object map = template.mappings().get(mapName);
        if (map instanceof Map<?, ?> topLevel
                && topLevel.get(top) instanceof Map<?, ?> secondLevel
                && secondLevel.containsKey(second)) {
            return evaluate(secondLevel.get(second));
        }
        throw new UnresolvableValueException(
                "Fn::FindInMap " + mapName + "." + top + "." + second + " is not in Mappings");
    }

    private static String stringArgument(String function, Object argument) {
        if (argument instanceof String text) {
            return text;
        }
        throw new UnresolvableValueException(function + " takes a name, not " + argument);
    }

    private static List<?> listArgument(String function, Object argument, int size) {
        if (argument instanceof List<?> list && (size < 0 || list.size() == size)) {
            return list;
        }
        throw new UnresolvableValueException(
                function
                        + " takes "
                        + (size < 0 ? "a list" : "a list of " + size)
                        + ", not "
                        + argument);
    }

    private static List<?> asList(Object value, String function) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new UnresolvableValueException(function + " expected a list, found " + value);
    }

    private static boolean bool(Object value, String what) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw new UnresolvableValueException(what + " expected true or false, found " + value);
    }

    /** {@code Fn::Equals} compares the text CloudFormation would see: 5 equals "5". */
    private static Object normalize(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return value == null ? "" : value;
    }
}
