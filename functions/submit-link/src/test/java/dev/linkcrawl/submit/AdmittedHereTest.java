package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AdmittedHereTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-07");
    private final AdmittedHere admitted = new AdmittedHere();

    @Test
    void talliesEachOwnersLinksOfTheDay() {
        admitted.admitted("alice", DAY);
        admitted.admitted("alice", DAY);
        admitted.admitted("bob", DAY);

        assertThat(admitted.links("alice", DAY)).isEqualTo(2);
        assertThat(admitted.links("bob", DAY)).isEqualTo(1);
    }

    @Test
    void aNewDayStartsTheTallyAgain() {
        admitted.admitted("alice", DAY);
        admitted.admitted("alice", DAY.plusDays(1));

        assertThat(admitted.links("alice", DAY.plusDays(1))).isEqualTo(1);
        assertThat(admitted.links("alice", DAY)).isZero();
    }
}
