package dev.linkcrawl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A PNG of each request's latency over time, one series per phase, on a log scale. */
final class LatencyChart {

    private LatencyChart() {}

    /** Writes {@code phases} (name → samples) side by side along the time axis to {@code png}. */
    static void write(Path png, Map<String, List<OpenLoopLoad.Sample>> phases, double phaseSeconds)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart =
                new XYChartBuilder()
                        .width(1000)
                        .height(500)
                        .title("POST /links latency, phases in the order they ran")
                        .xAxisTitle("seconds (phases one after another)")
                        .yAxisTitle("latency from intended send time, ms (log)")
                        .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(3);
        int index = 0;
        for (Map.Entry<String, List<OpenLoopLoad.Sample>> phase : phases.entrySet()) {
            double offset = index++ * phaseSeconds;
            List<OpenLoopLoad.Sample> samples = phase.getValue();
            if (samples.isEmpty()) {
                continue;
            }
            double[] x = new double[samples.size()];
            double[] y = new double[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                x[i] = offset + samples.get(i).dueMs() / 1000.0;
                y[i] = Math.max(0.1, samples.get(i).latencyMs());
            }
            chart.addSeries(phase.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
