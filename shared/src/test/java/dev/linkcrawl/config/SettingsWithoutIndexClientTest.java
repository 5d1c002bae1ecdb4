package dev.linkcrawl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The submit function's jar leaves the OpenSearch client out, yet its environment holds {@code
 * OPENSEARCH_ENDPOINT} and {@code INDEX_NAME} like every function's (the template sets them in
 * {@code Globals}). Reading them must not load a class that needs the client, or the cold start
 * fails with {@code NoClassDefFoundError} on AWS.
 */
class SettingsWithoutIndexClientTest {

    @Test
    void readsTheIndexVariablesWithOnlySharedOnTheClassPath() throws Exception {
        // shared's own classes and the JDK: no OpenSearch client, no Jackson, no AWS SDK.
        URL sharedClasses = Settings.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {sharedClasses}, ClassLoader.getPlatformClassLoader())) {
            Class<?> settings = Class.forName(Settings.class.getName(), true, loader);
            Method from = settings.getMethod("from", Map.class);

            Object read =
                    from.invoke(
                            null,
                            Map.of(
                                    "OPENSEARCH_ENDPOINT",
                                    "https://search-links.eu-west-1.es.amazonaws.com",
                                    "INDEX_NAME",
                                    "links",
                                    "QUEUE_URL",
                                    "https://sqs.eu-west-1.amazonaws.com/123456789012/CrawlQueue"));

            assertThat(settings.getMethod("indexName").invoke(read)).isEqualTo("links");
            assertThat(settings.getMethod("openSearchEndpoint").invoke(read).toString())
                    .contains("search-links.eu-west-1.es.amazonaws.com");
        }
    }
}
