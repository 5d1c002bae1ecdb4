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
 * scoring one row walks a few hundred array cells and allocates nothing.
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
     * The nodes again, four ints each, for scoring: feature (-1 at a leaf), threshold or leaf value
     * as float bits, then the left and right child's offset in this array. One array keeps a tree's
     * path in few cache lines.
     */
    private final int[] packed;

    /** Each tree's root offset in {@link #packed}. */
    private final int[] roots;

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
        this.packed = new int[feature.length * 4];
        for (int n = 0; n < feature.length; n++) {
            packed[n * 4] = feature[n];
            packed[n * 4 + 1] = Float.floatToRawIntBits(feature[n] < 0 ? value[n] : threshold[n]);
            packed[n * 4 + 2] = feature[n] < 0 ? -1 : left[n] * 4;
            packed[n * 4 + 3] = feature[n] < 0 ? -1 : right[n] * 4;
        }
        this.roots = new int[treeStart.length];
        for (int t = 0; t < treeStart.length; t++) {
            roots[t] = treeStart[t] * 4;
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
        for (int t = 0; t < roots.length; t++) {
            out[treeClass[t]] += leaf(roots[t], row);
        }
        return out;
    }

    /** The probability of the first class of a yes/no model. */
    public double probability(float[] row) {
        double s = base[0];
        for (int root : roots) {
            s += leaf(root, row);
        }
        return 1 / (1 + Math.exp(-s));
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

    private float leaf(int root, float[] row) {
        int[] p = packed;
        int n = root;
        int f;
        while ((f = p[n]) >= 0) {
            n = row[f] <= Float.intBitsToFloat(p[n + 1]) ? p[n + 2] : p[n + 3];
        }
        return Float.intBitsToFloat(p[n + 1]);
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
