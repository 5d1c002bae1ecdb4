package dev.linkcrawl.crawl.extract.learn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A gradient-boosted ensemble of binary decision trees over named numeric features: one score per
 * class (a single class is a logistic model, several a softmax). Trees are kept as flat arrays, so
 * scoring one row walks a few hundred array cells.
 *
 * <p>The text form, one line each: {@code features NAME…}, {@code classes NAME…}, {@code base
 * VALUE…} (one per class), then one line per node, {@code TREE CLASS FEATURE THRESHOLD LEFT RIGHT
 * VALUE}, nodes of a tree in order with the root first; a leaf has feature {@code -1}. A row goes
 * left when its feature is at most the threshold.
 */
public final class BoostedTrees {

    private final List<String> features;
    private final List<String> classes;
    private final double[] base;
    private final int[] treeStart;
    private final int[] treeClass;
    private final int[] feature;
    private final float[] threshold;
    private final int[] left;
    private final int[] right;
    private final float[] value;

    /**
     * The trees again for scoring, each as a complete binary tree of the ensemble's depth, stored
     * level by level: the children of slot {@code i} are {@code 2i + 1} and {@code 2i + 2}, so a
     * walk needs no child links and always takes {@link #depth} steps (a shallower leaf is repeated
     * below a split that sends every row left). {@code splitFeature} and {@code splitThreshold}
     * hold each tree's {@code 2^depth - 1} splits, {@code leafValue} its {@code 2^depth} leaves.
     */
    private final int depth;

    private final int[] splitFeature;
    private final float[] splitThreshold;
    private final float[] leafValue;

    BoostedTrees(
            List<String> features,
            List<String> classes,
            double[] base,
            int[] treeStart,
            int[] treeClass,
            int[] feature,
            float[] threshold,
            int[] left,
            int[] right,
            float[] value) {
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.base = base.clone();
        this.treeStart = treeStart;
        this.treeClass = treeClass;
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        if (base.length != classes.size()) {
            throw new IllegalArgumentException("one base score per class");
        }
        int deepest = 0;
        for (int start : treeStart) {
            deepest = Math.max(deepest, depthBelow(start));
        }
        if (deepest > MAX_DEPTH) {
            throw new IllegalArgumentException("trees deeper than " + MAX_DEPTH);
        }
        this.depth = deepest;
        int splits = (1 << depth) - 1;
        this.splitFeature = new int[treeStart.length * splits];
        this.splitThreshold = new float[treeStart.length * splits];
        this.leafValue = new float[treeStart.length << depth];
        for (int t = 0; t < treeStart.length; t++) {
            lay(treeStart[t], t, 0, 0);
        }
    }

    /**
     * The deepest a model's trees may be: 16 levels (the complete layout holds {@code 2^depth}
     * leaves per tree; the models here have 4 to 6).
     */
    static final int MAX_DEPTH = 16;

    private int depthBelow(int node) {
        return feature[node] < 0
                ? 0
                : 1 + Math.max(depthBelow(left[node]), depthBelow(right[node]));
    }

    /** Lays node {@code node} of tree {@code t} into slot {@code slot} of its complete tree. */
    private void lay(int node, int t, int slot, int level) {
        int splits = (1 << depth) - 1;
        if (level == depth) {
            leafValue[(t << depth) + slot - splits] = value[node];
        } else if (feature[node] < 0) {
            // a leaf above the last level: a split every row passes to the left (x <= +inf; NaN,
            // which goes right, finds the same leaf there)
            splitFeature[t * splits + slot] = 0;
            splitThreshold[t * splits + slot] = Float.POSITIVE_INFINITY;
            lay(node, t, 2 * slot + 1, level + 1);
            lay(node, t, 2 * slot + 2, level + 1);
        } else {
            splitFeature[t * splits + slot] = feature[node];
            splitThreshold[t * splits + slot] = threshold[node];
            lay(left[node], t, 2 * slot + 1, level + 1);
            lay(right[node], t, 2 * slot + 2, level + 1);
        }
    }

    /** The feature names, in the order a row holds them. */
    public List<String> features() {
        return features;
    }

    /** The class names; a single name means a yes/no model. */
    public List<String> classes() {
        return classes;
    }

    /** Number of trees. */
    public int trees() {
        return treeStart.length;
    }

    /** The raw score (log-odds) of each class for a row, summed over the trees. */
    public double[] scores(float[] row) {
        double[] out = base.clone();
        addLeaves(row, out);
        return out;
    }

    /** The probability of the first class of a yes/no model. */
    public double probability(float[] row) {
        return 1 / (1 + Math.exp(-scores(row)[0]));
    }

    /** The probability of each class (the logistic of the score, or the softmax of scores). */
    public double[] probabilities(float[] row) {
        double[] s = scores(row);
        if (s.length == 1) {
            return new double[] {1 / (1 + Math.exp(-s[0]))};
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(s[i] - max);
            sum += s[i];
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= sum;
        }
        return s;
    }

    /**
     * Adds each tree's leaf for {@code row} to its class's score, tree by tree in order (so the
     * sums are the same to the last bit however they are computed). Eight trees are walked side by
     * side: a step of one walk waits on the loads of the step before, and independent walks keep
     * the processor busy meanwhile (one at a time was three times slower on the page type model's
     * shallow trees, four at a time a fifth slower than eight on the block models).
     */
    private void addLeaves(float[] row, double[] out) {
        int splits = (1 << depth) - 1;
        int[] f = splitFeature;
        float[] c = splitThreshold;
        int trees = treeStart.length;
        int t = 0;
        for (; t + 8 <= trees; t += 8) {
            int b0 = t * splits;
            int b1 = b0 + splits;
            int b2 = b1 + splits;
            int b3 = b2 + splits;
            int b4 = b3 + splits;
            int b5 = b4 + splits;
            int b6 = b5 + splits;
            int b7 = b6 + splits;
            int i0 = 0;
            int i1 = 0;
            int i2 = 0;
            int i3 = 0;
            int i4 = 0;
            int i5 = 0;
            int i6 = 0;
            int i7 = 0;
            for (int level = 0; level < depth; level++) {
                i0 = 2 * i0 + (row[f[b0 + i0]] <= c[b0 + i0] ? 1 : 2);
                i1 = 2 * i1 + (row[f[b1 + i1]] <= c[b1 + i1] ? 1 : 2);
                i2 = 2 * i2 + (row[f[b2 + i2]] <= c[b2 + i2] ? 1 : 2);
                i3 = 2 * i3 + (row[f[b3 + i3]] <= c[b3 + i3] ? 1 : 2);
                i4 = 2 * i4 + (row[f[b4 + i4]] <= c[b4 + i4] ? 1 : 2);
                i5 = 2 * i5 + (row[f[b5 + i5]] <= c[b5 + i5] ? 1 : 2);
                i6 = 2 * i6 + (row[f[b6 + i6]] <= c[b6 + i6] ? 1 : 2);
                i7 = 2 * i7 + (row[f[b7 + i7]] <= c[b7 + i7] ? 1 : 2);
            }
            int leaf0 = (t << depth) - splits;
            int leaves = 1 << depth;
            out[treeClass[t]] += leafValue[leaf0 + i0];
            out[treeClass[t + 1]] += leafValue[leaf0 + leaves + i1];
            out[treeClass[t + 2]] += leafValue[leaf0 + 2 * leaves + i2];
            out[treeClass[t + 3]] += leafValue[leaf0 + 3 * leaves + i3];
            out[treeClass[t + 4]] += leafValue[leaf0 + 4 * leaves + i4];
            out[treeClass[t + 5]] += leafValue[leaf0 + 5 * leaves + i5];
            out[treeClass[t + 6]] += leafValue[leaf0 + 6 * leaves + i6];
            out[treeClass[t + 7]] += leafValue[leaf0 + 7 * leaves + i7];
        }
        for (; t < trees; t++) {
            int b = t * splits;
            int i = 0;
            for (int level = 0; level < depth; level++) {
                i = 2 * i + (row[f[b + i]] <= c[b + i] ? 1 : 2);
            }
            out[treeClass[t]] += leafValue[(t << depth) + i - splits];
        }
    }

    /**
     * One model whose scores are the mean of {@code models}' scores (their bases averaged, their
     * trees side by side with leaves divided by their number): models trained alike on other
     * samples of the rows, whose mean varies less than any one of them.
     */
    public static BoostedTrees average(List<BoostedTrees> models) {
        BoostedTrees first = models.get(0);
        int k = models.size();
        double[] base = new double[first.base.length];
        int trees = 0;
        int nodes = 0;
        for (BoostedTrees m : models) {
            if (!m.features.equals(first.features) || !m.classes.equals(first.classes)) {
                throw new IllegalArgumentException("models of other features or classes");
            }
            for (int c = 0; c < base.length; c++) {
                base[c] += m.base[c] / k;
            }
            trees += m.treeStart.length;
            nodes += m.feature.length;
        }
        int[] treeStart = new int[trees];
        int[] treeClass = new int[trees];
        int[] feature = new int[nodes];
        float[] threshold = new float[nodes];
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        float[] value = new float[nodes];
        int t0 = 0;
        int n0 = 0;
        for (BoostedTrees m : models) {
            for (int t = 0; t < m.treeStart.length; t++) {
                treeStart[t0 + t] = m.treeStart[t] + n0;
                treeClass[t0 + t] = m.treeClass[t];
            }
            for (int n = 0; n < m.feature.length; n++) {
                feature[n0 + n] = m.feature[n];
                threshold[n0 + n] = m.threshold[n];
                left[n0 + n] = m.left[n] < 0 ? -1 : m.left[n] + n0;
                right[n0 + n] = m.right[n] < 0 ? -1 : m.right[n] + n0;
                value[n0 + n] = m.value[n] / k;
            }
            t0 += m.treeStart.length;
            n0 += m.feature.length;
        }
        return new BoostedTrees(
                first.features,
                first.classes,
                base,
                treeStart,
                treeClass,
                feature,
                threshold,
                left,
                right,
                value);
    }

    /** Writes the text form. */
    public void write(Writer out) throws IOException {
        out.write("features " + String.join(" ", features) + "\n");
        out.write("classes " + String.join(" ", classes) + "\n");
        StringBuilder b = new StringBuilder("base");
        for (double v : base) {
            b.append(' ').append(v);
        }
        out.write(b.append('\n').toString());
        for (int t = 0; t < treeStart.length; t++) {
            int end = t + 1 < treeStart.length ? treeStart[t + 1] : feature.length;
            for (int n = treeStart[t]; n < end; n++) {
                out.write(
                        String.format(
                                Locale.ROOT,
                                "%d %d %d %s %d %d %s%n",
                                t,
                                treeClass[t],
                                feature[n],
                                feature[n] < 0 ? "0" : Float.toString(threshold[n]),
                                feature[n] < 0 ? -1 : left[n] - treeStart[t],
                                feature[n] < 0 ? -1 : right[n] - treeStart[t],
                                feature[n] < 0 ? Float.toString(value[n]) : "0"));
            }
        }
    }

    /**
     * Reads the text form; {@code expected} are the feature names the caller will fill rows with,
     * which must be the model's, in its order.
     *
     * @throws ModelMismatchException when the model was trained on other features
     */
    public static BoostedTrees read(InputStream in, List<String> expected) {
        Objects.requireNonNull(in, "model resource");
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> features = words(r.readLine(), "features");
            if (!features.equals(expected)) {
                throw new ModelMismatchException(expected, features);
            }
            List<String> classes = words(r.readLine(), "classes");
            List<String> baseWords = words(r.readLine(), "base");
            double[] base = new double[baseWords.size()];
            for (int i = 0; i < base.length; i++) {
                base[i] = Double.parseDouble(baseWords.get(i));
            }
            List<int[]> nodes = new ArrayList<>();
            List<float[]> numbers = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] p = line.strip().split(" ");
                nodes.add(
                        new int[] {
                            Integer.parseInt(p[0]),
                            Integer.parseInt(p[1]),
                            Integer.parseInt(p[2]),
                            Integer.parseInt(p[4]),
                            Integer.parseInt(p[5])
                        });
                numbers.add(new float[] {Float.parseFloat(p[3]), Float.parseFloat(p[6])});
            }
            int n = nodes.size();
            int trees = n == 0 ? 0 : nodes.get(n - 1)[0] + 1;
            int[] treeStart = new int[trees];
            int[] treeClass = new int[trees];
            int[] feature = new int[n];
            float[] threshold = new float[n];
            int[] left = new int[n];
            int[] right = new int[n];
            float[] value = new float[n];
            int current = -1;
            for (int i = 0; i < n; i++) {
                int[] node = nodes.get(i);
                if (node[0] != current) {
                    current = node[0];
                    treeStart[current] = i;
                    treeClass[current] = node[1];
                }
                feature[i] = node[2];
                threshold[i] = numbers.get(i)[0];
                left[i] = node[3] < 0 ? -1 : treeStart[current] + node[3];
                right[i] = node[4] < 0 ? -1 : treeStart[current] + node[4];
                value[i] = numbers.get(i)[1];
            }
            return new BoostedTrees(
                    features, classes, base, treeStart, treeClass, feature, threshold, left, right,
                    value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model", e);
        }
    }

    private static List<String> words(String line, String key) {
        if (line == null || !line.startsWith(key + " ")) {
            throw new IllegalArgumentException("model line should start with '" + key + "'");
        }
        return List.of(line.substring(key.length() + 1).strip().split(" "));
    }

    private static String firstDifference(List<String> expected, List<String> found) {
        for (int i = 0; i < Math.min(expected.size(), found.size()); i++) {
            if (!expected.get(i).equals(found.get(i))) {
                return "; first difference at " + i + ": " + expected.get(i) + " / " + found.get(i);
            }
        }
        return "";
    }

    /** A model file that does not fit the features the code computes: retrain it. */
    public static final class ModelMismatchException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ModelMismatchException(List<String> expected, List<String> found) {
            super(
                    "model features differ from the code's (retrain): expected "
                            + expected
                            + ", found "
                            + found);
        }
    }
}
