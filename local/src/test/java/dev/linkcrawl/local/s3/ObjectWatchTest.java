package dev.linkcrawl.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which objects of a listing count as created since the last one. */
class ObjectWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final ObjectWatch watch = new ObjectWatch();

    @Test
    void objectsOfTheBaselineAreNotCreated() {
        watch.baseline("b", List.of(object("old.txt", "e1", T0)));

        assertThat(watch.changes("b", List.of(object("old.txt", "e1", T0)))).isEmpty();
    }

    @Test
    void newKeyIsCreated() {
        watch.baseline("b", List.of(object("old.txt", "e1", T0)));

        List<CreatedObject> created =
                watch.changes(
                        "b",
                        List.of(
                                object("old.txt", "e1", T0),
                                object("new.txt", "e2", T0.plusSeconds(1))));

        assertThat(created).extracting(CreatedObject::key).containsExactly("new.txt");
    }

    @Test
    void overwrittenKeyIsCreatedAgain() {
        watch.baseline("b", List.of(object("a.txt", "e1", T0)));

        assertThat(watch.changes("b", List.of(object("a.txt", "e2", T0.plusSeconds(1)))))
                .extracting(CreatedObject::eTag)
                .containsExactly("e2");
    }

    @Test
    void keyWrittenAgainAfterADeletionIsCreated() {
        watch.baseline("b", List.of(object("a.txt", "e1", T0)));
        watch.changes("b", List.of());

        assertThat(watch.changes("b", List.of(object("a.txt", "e1", T0)))).hasSize(1);
    }

    @Test
    void createdObjectsComeOldestFirst() {
        watch.baseline("b", List.of());

        List<CreatedObject> created =
                watch.changes(
                        "b",
                        List.of(
                                object("z.txt", "e1", T0),
                                object("a.txt", "e2", T0.plusSeconds(2)),
                                object("m.txt", "e3", T0.plusSeconds(1))));

        assertThat(created)
                .extracting(CreatedObject::key)
                .containsExactly("z.txt", "m.txt", "a.txt");
    }

    private static CreatedObject object(String key, String eTag, Instant modified) {
        return new CreatedObject("b", key, 1, eTag, modified);
    }
}
