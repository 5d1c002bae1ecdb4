package dev.linkcrawl.local;

import dev.linkcrawl.imports.ImportKeyLayout;
import dev.linkcrawl.local.s3.S3EventRecords;
import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.S3EventSource;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.local.template.TemplateException;
import java.util.Map;
import java.util.Optional;

/**
 * Where an import's upload goes and which function imports it: the bucket and function of the
 * template's S3 event that an upload of {@code key} raises.
 */
record ImportDestination(
        BucketResource bucket, String key, FunctionResource function, S3EventSource source) {

    /**
     * The destination of an upload of {@code key} on the running dev ({@code endpoints}).
     *
     * @throws TemplateException when no function is notified of such a key
     */
    static ImportDestination of(SamTemplate template, Endpoints endpoints, String key) {
        for (FunctionResource function : template.functions()) {
            for (S3EventSource source : function.s3EventSources()) {
                BucketResource bucket = endpoints.buckets().get(source.bucket());
                if (bucket != null && source.matches(S3EventRecords.OBJECT_CREATED_PUT, key)) {
                    return new ImportDestination(bucket, key, function, source);
                }
            }
        }
        throw new TemplateException(
                "no S3 event of template.yaml is raised for "
                        + key
                        + ", so nothing would import it (the running dev knows buckets "
                        + endpoints.buckets().keySet()
                        + ")");
    }

    /** Where the importing function writes the import's result, beside the upload. */
    String resultKey() {
        return ImportKeyLayout.resultKey(key);
    }

    /** The queue the importing function sends to ({@code QUEUE_URL}), for the progress bar. */
    Optional<String> queueUrl(SamTemplate template, Endpoints endpoints) {
        try {
            Map<String, String> environment = endpoints.environmentOf(template, function, Map.of());
            return Optional.ofNullable(environment.get("QUEUE_URL"));
        } catch (TemplateException e) {
            return Optional.empty();
        }
    }
}
