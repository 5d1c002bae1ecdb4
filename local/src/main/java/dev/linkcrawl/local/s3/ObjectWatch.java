package dev.linkcrawl.local.s3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a bucket between two listings: the objects that are new, or whose entity tag or
 * modification time changed (written again), are the ones S3 would have sent {@code ObjectCreated}
 * for. Deleted keys are forgotten, so a key written again after a deletion counts as created.
 */
final class ObjectWatch {

    private final Map<String, Map<String, String>> versionsByBucket = new HashMap<>();

    /** Takes {@code listing} as what already existed: no event for any of it. */
    void baseline(String bucket, List<CreatedObject> listing) {
        Map<String, String> versions = new HashMap<>();
        listing.forEach(object -> versions.put(object.key(), version(object)));
        versionsByBucket.put(bucket, versions);
    }

    /**
     * The objects of {@code listing} created since the last listing of {@code bucket}, oldest first
     * (then by key); a bucket never listed before has a baseline of nothing.
     */
    List<CreatedObject> changes(String bucket, List<CreatedObject> listing) {
        Map<String, String> versions =
                versionsByBucket.computeIfAbsent(bucket, b -> new HashMap<>());
        List<CreatedObject> created = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (CreatedObject object : listing) {
            present.add(object.key());
            String version = version(object);
            if (!version.equals(versions.put(object.key(), version))) {
                created.add(object);
            }
        }
        versions.keySet().retainAll(present);
        created.sort(
                Comparator.comparing(CreatedObject::lastModified)
                        .thenComparing(CreatedObject::key));
        return created;
    }

    private static String version(CreatedObject object) {
        return object.eTag() + "@" + object.lastModified() + "#" + object.size();
    }
}
