package dev.linkcrawl.local.template;

/**
 * An intrinsic function has no local value: a parameter without a default, an attribute of a
 * resource that only exists on AWS (an OpenSearch domain's endpoint), an import from another stack.
 * The caller decides whether that matters (an overridden variable never needs resolving).
 */
public final class UnresolvableValueException extends RuntimeException {
    public UnresolvableValueException(String message) {
        super(message);
    }
}
