package dev.linkcrawl.local.template;

import java.util.Objects;

/**
 * A Java {@code Handler} property: {@code dev.linkcrawl.submit.SubmitLinkHandler::handleRequest},
 * or a class name alone, which Lambda reads as {@code ::handleRequest}.
 */
public record HandlerName(String className, String method) {

    public HandlerName {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
        if (className.isBlank() || method.isBlank()) {
            throw new IllegalArgumentException("handler class and method must not be blank");
        }
    }

    public static HandlerName parse(String handler) {
        Objects.requireNonNull(handler, "handler");
        int separator = handler.indexOf("::");
        return separator < 0
                ? new HandlerName(handler.strip(), "handleRequest")
                : new HandlerName(
                        handler.substring(0, separator).strip(),
                        handler.substring(separator + 2).strip());
    }

    @Override
    public String toString() {
        return className + "::" + method;
    }
}
