package dev.linkcrawl.crawl.extract.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoostedTreesTest {

    /** One tree on one feature: x <= 0.5 scores -2, above +2. */
    private static final String STUMP =
            """
            features x
            classes yes
            base 0
            0 0 0 0.5 1 2 0
            0 0 -1 0 -1 -1 -2
            0 0 -1 0 -1 -1 2
            """;

    private static BoostedTrees read(String text, List<String> features) {
        return BoostedTrees.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), features);
    }

    @Test
    void sendsARowLeftWhenItsFeatureIsAtMostTheThreshold() {
        BoostedTrees stump = read(STUMP, List.of("x"));

        assertThat(stump.probability(new float[] {0.5f}))
                .isCloseTo(1 / (1 + Math.exp(2)), within(1e-9));
        assertThat(stump.probability(new float[] {0.6f}))
                .isCloseTo(1 / (1 + Math.exp(-2)), within(1e-9));
    }

    @Test
    void sumsTheLeavesOfTreesOfEveryDepth() {
        // nine trees (eight walked side by side, one after): leaves alone, stumps, and a tree
        // whose left side is a leaf and whose right side splits again
        BoostedTrees model =
                read(
                        """
                        features x y
                        classes yes
                        base 0.5
                        0 0 -1 0 -1 -1 1
                        1 0 0 0.5 1 2 0
                        1 0 -1 0 -1 -1 -2
                        1 0 -1 0 -1 -1 2
                        2 0 0 0.25 1 2 0
                        2 0 -1 0 -1 -1 10
                        2 0 1 0.5 3 4 0
                        2 0 -1 0 -1 -1 20
                        2 0 -1 0 -1 -1 30
                        3 0 1 0.5 1 2 0
                        3 0 -1 0 -1 -1 100
                        3 0 -1 0 -1 -1 200
                        4 0 -1 0 -1 -1 1000
                        5 0 -1 0 -1 -1 1000
                        6 0 -1 0 -1 -1 1000
                        7 0 -1 0 -1 -1 1000
                        8 0 1 0.75 1 2 0
                        8 0 -1 0 -1 -1 10000
                        8 0 -1 0 -1 -1 20000
                        """,
                        List.of("x", "y"));

        assertThat(model.scores(new float[] {0.1f, 0.1f})[0])
                .isEqualTo(0.5 + 1 - 2 + 10 + 100 + 4000 + 10000);
        assertThat(model.scores(new float[] {0.6f, 0.5f})[0])
                .isEqualTo(0.5 + 1 + 2 + 20 + 100 + 4000 + 10000);
        assertThat(model.scores(new float[] {0.3f, 0.9f})[0])
                .isEqualTo(0.5 + 1 - 2 + 30 + 200 + 4000 + 20000);
    }

    @Test
    void averagesTheScoresOfModelsTrainedAlike() {
        BoostedTrees stump = read(STUMP, List.of("x"));
        BoostedTrees flat =
                read(
                        """
                        features x
                        classes yes
                        base 1
                        0 0 -1 0 -1 -1 0
                        """,
                        List.of("x"));

        BoostedTrees mean = BoostedTrees.average(List.of(stump, flat));

        // (0 - 2) / 2 + (1 + 0) / 2 = -0.5 and (0 + 2) / 2 + (1 + 0) / 2 = 1.5
        assertThat(mean.probability(new float[] {0.5f}))
                .isCloseTo(1 / (1 + Math.exp(0.5)), within(1e-6));
        assertThat(mean.probability(new float[] {0.6f}))
                .isCloseTo(1 / (1 + Math.exp(-1.5)), within(1e-6));
    }

    @Test
    void refusesAModelTrainedOnOtherFeatures() {
        assertThatThrownBy(() -> read(STUMP, List.of("y")))
                .isInstanceOf(BoostedTrees.ModelMismatchException.class);
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        BoostedTrees stump = read(STUMP, List.of("x"));
        StringWriter out = new StringWriter();
        stump.write(out);

        BoostedTrees again = read(out.toString(), List.of("x"));

        assertThat(again.probability(new float[] {0.9f}))
                .isEqualTo(stump.probability(new float[] {0.9f}));
        assertThat(again.trees()).isEqualTo(1);
    }

    @Test
    void learnsASeparableRule() {
        List<float[]> rows = new ArrayList<>();
        int[] labels = new int[200];
        double[] weights = new double[200];
        for (int i = 0; i < 200; i++) {
            rows.add(new float[] {i / 200f, (i * 7919 % 200) / 200f});
            labels[i] = i >= 100 ? 1 : 0;
            weights[i] = 1;
        }

        BoostedTrees model =
                TreeTraining.train(
                        List.of("signal", "noise"),
                        List.of("yes"),
                        rows,
                        labels,
                        weights,
                        new TreeTraining.Settings(30, 2, 0.3, 1, 1, 1, 32, 1));

        assertThat(model.probability(new float[] {0.9f, 0.1f})).isGreaterThan(0.9);
        assertThat(model.probability(new float[] {0.1f, 0.9f})).isLessThan(0.1);
    }

    @Test
    void givesEachClassAProbabilityThatSumsToOne() {
        String three =
                """
                features x
                classes a b c
                base 0.1 0.2 0.3
                """;

        double[] p = read(three, List.of("x")).probabilities(new float[] {0});

        assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-12));
        assertThat(p[2]).isGreaterThan(p[1]).isGreaterThan(p[0]);
    }
}
