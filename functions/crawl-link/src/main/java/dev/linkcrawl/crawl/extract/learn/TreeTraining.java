package dev.linkcrawl.crawl.extract.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits {@link BoostedTrees} by gradient boosting (second-order, as XGBoost does): each round adds
 * one tree per class fitted to the gradient and curvature of the log loss, with features cut into
 * at most {@link Settings#bins()} quantile bins so a split search is a pass over histograms.
 * Deterministic for a given seed.
 */
public final class TreeTraining {

    /**
     * How to grow the ensemble.
     *
     * @param rounds boosting rounds (trees per class)
     * @param depth the deepest split level of a tree
     * @param learningRate shrinkage of each tree's values
     * @param lambda L2 penalty on leaf values
     * @param minChildWeight the least curvature (about: weighted rows) on each side of a split
     * @param rowSample the share of rows each tree sees
     * @param bins quantile bins per feature, at most 256
     * @param seed the row-sampling seed
     */
    public record Settings(
            int rounds,
            int depth,
            double learningRate,
            double lambda,
            double minChildWeight,
            double rowSample,
            int bins,
            long seed) {

        public Settings {
            if (rounds < 1 || depth < 1 || bins < 2 || bins > 256) {
                throw new IllegalArgumentException("rounds, depth >= 1 and bins in 2..256");
            }
            if (!(rowSample > 0 && rowSample <= 1)) {
                throw new IllegalArgumentException("rowSample in (0, 1]");
            }
        }
    }

    private TreeTraining() {}

    /**
     * Fits a model.
     *
     * @param features names of the row columns
     * @param classes one name for a yes/no model (labels 1 = yes, 0 = no), else one per class
     *     (labels are class indexes)
     * @param rows the feature rows
     * @param labels the label of each row
     * @param weights the weight of each row
     */
    public static BoostedTrees train(
            List<String> features,
            List<String> classes,
            List<float[]> rows,
            int[] labels,
            double[] weights,
            Settings settings) {
        int n = rows.size();
        int nf = features.size();
        int k = classes.size();
        if (labels.length != n || weights.length != n) {
            throw new IllegalArgumentException("one label and weight per row");
        }
        float[][] cuts = cuts(rows, nf, settings.bins(), settings.seed());
        byte[] binned = new byte[n * nf];
        for (int i = 0; i < n; i++) {
            float[] row = rows.get(i);
            for (int f = 0; f < nf; f++) {
                binned[i * nf + f] = (byte) bin(cuts[f], row[f]);
            }
        }
        double[] base = baseScores(labels, weights, k);
        double[] score = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(base, 0, score, i * k, k);
        }
        Grower grower = new Grower(binned, nf, settings, cuts);
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[] g = new double[n];
        double[] h = new double[n];
        int[] sample = new int[n];
        List<Tree> trees = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (settings.rowSample() >= 1 || random.nextDouble() < settings.rowSample()) {
                    sample[m++] = i;
                }
            }
            double[] p = probabilities(score, n, k);
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < n; i++) {
                    double pi = p[i * k + c];
                    double yi = k == 1 ? labels[i] : (labels[i] == c ? 1 : 0);
                    g[i] = (pi - yi) * weights[i];
                    h[i] = Math.max(pi * (1 - pi), 1e-6) * weights[i];
                }
                Tree tree = grower.grow(Arrays.copyOf(sample, m), g, h, c);
                trees.add(tree);
                for (int i = 0; i < n; i++) {
                    score[i * k + c] += tree.leafValue(binned, i * nf);
                }
            }
        }
        return assemble(features, classes, base, trees, cuts);
    }

    private static double[] probabilities(double[] score, int n, int k) {
        double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (k == 1) {
                p[i] = 1 / (1 + Math.exp(-score[i]));
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, score[i * k + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                p[i * k + c] = Math.exp(score[i * k + c] - max);
                sum += p[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                p[i * k + c] /= sum;
            }
        }
        return p;
    }

    private static double[] baseScores(int[] labels, double[] weights, int k) {
        double total = 0;
        double[] byClass = new double[Math.max(k, 2)];
        for (int i = 0; i < labels.length; i++) {
            total += weights[i];
            byClass[labels[i]] += weights[i];
        }
        double[] base = new double[k];
        if (k == 1) {
            double p = Math.min(0.999, Math.max(0.001, byClass[1] / total));
            base[0] = Math.log(p / (1 - p));
        } else {
            for (int c = 0; c < k; c++) {
                base[c] = Math.log(Math.max(1e-3, byClass[c] / total));
            }
        }
        return base;
    }

    /** Up to {@code bins - 1} cut points per feature: quantiles of a sample of the rows. */
    private static float[][] cuts(List<float[]> rows, int nf, int bins, long seed) {
        int n = rows.size();
        int m = Math.min(n, 200_000);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[][] out = new float[nf][];
        float[] values = new float[m];
        int[] pick = new int[m];
        for (int j = 0; j < m; j++) {
            pick[j] = m == n ? j : random.nextInt(n);
        }
        for (int f = 0; f < nf; f++) {
            for (int j = 0; j < m; j++) {
                values[j] = rows.get(pick[j])[f];
            }
            Arrays.sort(values);
            float[] distinct = new float[m];
            int d = 0;
            for (int j = 0; j < m; j++) {
                if (d == 0 || values[j] != distinct[d - 1]) {
                    distinct[d++] = values[j];
                }
            }
            float[] c;
            if (d <= bins) {
                c = Arrays.copyOf(distinct, Math.max(0, d - 1));
            } else {
                float[] q = new float[bins - 1];
                int qn = 0;
                for (int b = 1; b < bins; b++) {
                    float v = values[(int) ((long) b * m / bins)];
                    if (v < values[m - 1] && (qn == 0 || v != q[qn - 1])) {
                        q[qn++] = v;
                    }
                }
                c = Arrays.copyOf(q, qn);
            }
            out[f] = c;
        }
        return out;
    }

    /** The bin of a value: the number of cut points below it (a value at a cut goes left). */
    private static int bin(float[] cuts, float x) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A tree while training: splits are on bins. */
    private static final class Tree {
        final int cls;
        final List<int[]> splits = new ArrayList<>(); // feature, bin, left, right (-1 for leaf)
        final List<Double> values = new ArrayList<>();

        Tree(int cls) {
            this.cls = cls;
        }

        int add() {
            splits.add(new int[] {-1, 0, -1, -1});
            values.add(0.0);
            return splits.size() - 1;
        }

        double leafValue(byte[] binned, int offset) {
            int node = 0;
            while (true) {
                int[] s = splits.get(node);
                if (s[0] < 0) {
                    return values.get(node);
                }
                node = (binned[offset + s[0]] & 0xff) <= s[1] ? s[2] : s[3];
            }
        }
    }

    /** Grows one tree on histograms of gradient and curvature per feature bin. */
    private static final class Grower {
        private final byte[] binned;
        private final int nf;
        private final Settings s;
        private final int bins;
        private final float[][] cuts;

        Grower(byte[] binned, int nf, Settings s, float[][] cuts) {
            this.binned = binned;
            this.nf = nf;
            this.s = s;
            this.bins = s.bins();
            this.cuts = cuts;
        }

        Tree grow(int[] rows, double[] g, double[] h, int cls) {
            Tree tree = new Tree(cls);
            int root = tree.add();
            double[] hist = histogram(rows, 0, rows.length, g, h);
            split(tree, root, rows, 0, rows.length, hist, g, h, 0);
            return tree;
        }

        private double[] histogram(int[] rows, int lo, int hi, double[] g, double[] h) {
            double[] hist = new double[nf * bins * 2];
            for (int j = lo; j < hi; j++) {
                int i = rows[j];
                int off = i * nf;
                double gi = g[i];
                double hi2 = h[i];
                for (int f = 0; f < nf; f++) {
                    int cell = (f * bins + (binned[off + f] & 0xff)) * 2;
                    hist[cell] += gi;
                    hist[cell + 1] += hi2;
                }
            }
            return hist;
        }

        private void split(
                Tree tree,
                int node,
                int[] rows,
                int lo,
                int hi,
                double[] hist,
                double[] g,
                double[] h,
                int depth) {
            double gSum = 0;
            double hSum = 0;
            for (int b = 0; b < bins; b++) {
                gSum += hist[b * 2];
                hSum += hist[b * 2 + 1];
            }
            double lambda = s.lambda();
            double parentGain = gSum * gSum / (hSum + lambda);
            double bestGain = 1e-9;
            int bestF = -1;
            int bestBin = -1;
            if (depth < s.depth() && hSum >= 2 * s.minChildWeight()) {
                for (int f = 0; f < nf; f++) {
                    int usable = cuts[f].length;
                    double gl = 0;
                    double hl = 0;
                    for (int b = 0; b < usable; b++) {
                        int cell = (f * bins + b) * 2;
                        gl += hist[cell];
                        hl += hist[cell + 1];
                        double hr = hSum - hl;
                        if (hl < s.minChildWeight() || hr < s.minChildWeight()) {
                            continue;
                        }
                        double gr = gSum - gl;
                        double gain =
                                gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parentGain;
                        if (gain > bestGain) {
                            bestGain = gain;
                            bestF = f;
                            bestBin = b;
                        }
                    }
                }
            }
            if (bestF < 0) {
                tree.values.set(node, -gSum / (hSum + lambda) * s.learningRate());
                return;
            }
            int mid = lo;
            for (int j = lo; j < hi; j++) {
                int i = rows[j];
                if ((binned[i * nf + bestF] & 0xff) <= bestBin) {
                    int t = rows[mid];
                    rows[mid] = i;
                    rows[j] = t;
                    mid++;
                }
            }
            int leftNode = tree.add();
            int rightNode = tree.add();
            tree.splits.set(node, new int[] {bestF, bestBin, leftNode, rightNode});
            double[] small;
            double[] large = hist;
            boolean leftSmaller = mid - lo <= hi - mid;
            small = leftSmaller ? histogram(rows, lo, mid, g, h) : histogram(rows, mid, hi, g, h);
            for (int c = 0; c < large.length; c++) {
                large[c] -= small[c];
            }
            double[] leftHist = leftSmaller ? small : large;
            double[] rightHist = leftSmaller ? large : small;
            split(tree, leftNode, rows, lo, mid, leftHist, g, h, depth + 1);
            split(tree, rightNode, rows, mid, hi, rightHist, g, h, depth + 1);
        }
    }

    private static BoostedTrees assemble(
            List<String> features,
            List<String> classes,
            double[] base,
            List<Tree> trees,
            float[][] cuts) {
        int total = 0;
        for (Tree t : trees) {
            total += t.splits.size();
        }
        int[] treeStart = new int[trees.size()];
        int[] treeClass = new int[trees.size()];
        int[] feature = new int[total];
        float[] threshold = new float[total];
        int[] left = new int[total];
        int[] right = new int[total];
        float[] value = new float[total];
        int at = 0;
        for (int t = 0; t < trees.size(); t++) {
            Tree tree = trees.get(t);
            treeStart[t] = at;
            treeClass[t] = tree.cls;
            for (int n = 0; n < tree.splits.size(); n++) {
                int[] sp = tree.splits.get(n);
                feature[at + n] = sp[0];
                if (sp[0] >= 0) {
                    threshold[at + n] = cuts[sp[0]][sp[1]];
                    left[at + n] = at + sp[2];
                    right[at + n] = at + sp[3];
                } else {
                    left[at + n] = -1;
                    right[at + n] = -1;
                    value[at + n] = (float) (double) tree.values.get(n);
                }
            }
            at += tree.splits.size();
        }
        return new BoostedTrees(
                features, classes, base, treeStart, treeClass, feature, threshold, left, right,
                value);
    }
}
