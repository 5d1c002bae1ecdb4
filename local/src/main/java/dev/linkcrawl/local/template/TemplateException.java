package dev.linkcrawl.local.template;

/**
 * template.yaml says something the local runner cannot use; the message names the place (for
 * example {@code Resources.CrawlQueue.Properties.VisibilityTimeout}) and what was expected.
 */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
