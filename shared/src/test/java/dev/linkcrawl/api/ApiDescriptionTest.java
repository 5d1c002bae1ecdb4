package dev.linkcrawl.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.PageType;
import dev.linkcrawl.testing.ApiDescription;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/openapi.json names exactly what the code has: problem types, statuses, fields. */
class ApiDescriptionTest {

    private final ApiDescription description = ApiDescription.load();

    @Test
    void namesEveryProblemTypeAndNoOther() {
        assertThat(description.problemTypes())
                .isEqualTo(
                        Arrays.stream(ProblemType.values())
                                .map(ProblemType::uri)
                                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void namesEveryLinkStatusAndPageType() {
        assertThat(description.enumValues("Status"))
                .isEqualTo(
                        Arrays.stream(LinkDocument.Status.values())
                                .map(s -> s.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.toSet()));
        assertThat(description.enumValues("PageType"))
                .isEqualTo(
                        Arrays.stream(PageType.values())
                                .map(PageType::label)
                                .collect(Collectors.toSet()));
    }

    @Test
    void describesEveryFieldOfALinkDocumentAndItsId() {
        Set<String> fields =
                Arrays.stream(LinkDocument.class.getRecordComponents())
                        .map(c -> c.getName())
                        .collect(Collectors.toCollection(TreeSet::new));
        fields.add("id");

        assertThat(description.properties("Link")).isEqualTo(fields);
    }
}
