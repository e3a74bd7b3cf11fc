package bayou.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The run's plots as SVG documents, drawn by JFreeChart onto JFreeSVG's Graphics2D, each with
 * the faults shaded: partitions red, pauses grey; retirements and joins as vertical lines.
 */
final class Charts {
  static final int WIDTH_PX = 900;
  static final int HEIGHT_PX = 360;
  /** Time bins of the latency and throughput plots: fine enough to show a fault's effect. */
  static final int BINS_MAX = 150;
  static final String SHADING = "shaded: partitions (red), pauses (grey), killed servers "
      + "(black), frozen servers (blue); lines: retirements (purple), joins (green), clock skews "
      + "(orange)";
  private static final Color PARTITION = new Color(220, 50, 50, 40);
  private static final Color PAUSE = new Color(90, 90, 90, 50);
  private static final Color RETIRE = new Color(130, 40, 160);
  private static final Color JOIN = new Color(30, 140, 60);
  private static final Color KILL = new Color(20, 20, 20, 45);
  private static final Color FREEZE = new Color(60, 110, 220, 45);
  private static final Color CLOCK = new Color(230, 130, 0);
  /** In drawing order (a list: the same picture every time). */
  private static final List<Map.Entry<String, Color>> SHADES = List.of(
      Map.entry("partition", PARTITION), Map.entry("pause", PAUSE), Map.entry("kill", KILL),
      Map.entry("freeze", FREEZE));
  private static final Map<String, Color> LINES = Map.of("retire", RETIRE, "join", JOIN,
      "clock", CLOCK);

  private Charts() {}

  /** The four plots by file name: latency, throughput, log lengths, convergence. */
  static Map<String, String> all(RunData data) {
    Map<String, String> svgs = new LinkedHashMap<>();
    svgs.put("latency.svg", latency(data));
    svgs.put("throughput.svg", throughput(data));
    svgs.put("logs.svg", Convergence.logLengths(data));
    svgs.put("convergence.svg", Convergence.afterHeals(data));
    return svgs;
  }

  /** Median and 99th percentile of latency per time bin, one pair of lines per operation. */
  static String latency(RunData data) {
    Bins bins = new Bins(data.endNanos);
    Map<String, List<List<Double>>> byF = new LinkedHashMap<>();
    for (RunData.Span span : data.spans) {
      if (span.completion() != null) {
        byF.computeIfAbsent(span.invoke().f(), f -> bins.lists())
            .get(bins.of(span.endNanos()))
            .add((span.endNanos() - span.startNanos()) / 1e6);
      }
    }
    XYSeriesCollection series = new XYSeriesCollection();
    byF.forEach((f, lists) -> {
      XYSeries p50 = new XYSeries(f + " p50");
      XYSeries p99 = new XYSeries(f + " p99");
      for (int b = 0; b < lists.size(); b++) {
        List<Double> values = lists.get(b);
        if (!values.isEmpty()) {
          values.sort(null);
          p50.add(bins.midSeconds(b), values.get(values.size() / 2));
          p99.add(bins.midSeconds(b), values.get((int) Math.min(values.size() - 1,
              Math.floor(values.size() * 0.99))));
        }
      }
      series.addSeries(p50);
      series.addSeries(p99);
    });
    return svg(lines("Latency by operation", "latency (ms)", series, data));
  }

  /** Completions per second in each time bin, by operation and for every failure. */
  static String throughput(RunData data) {
    Bins bins = new Bins(data.endNanos);
    Map<String, double[]> counts = new LinkedHashMap<>();
    for (RunData.Span span : data.spans) {
      if (span.completion() != null) {
        int b = bins.of(span.endNanos());
        counts.computeIfAbsent(span.invoke().f(), f -> new double[bins.count])[b]++;
        if (!span.outcome().equals("ok")) {
          counts.computeIfAbsent("not ok", f -> new double[bins.count])[b]++;
        }
      }
    }
    XYSeriesCollection series = new XYSeriesCollection();
    counts.forEach((name, perBin) -> {
      XYSeries one = new XYSeries(name);
      for (int b = 0; b < perBin.length; b++) {
        one.add(bins.midSeconds(b), perBin[b] / bins.widthSeconds());
      }
      series.addSeries(one);
    });
    return svg(lines("Throughput", "completions per second", series, data));
  }

  static JFreeChart lines(String title, String yLabel, XYSeriesCollection series,
      RunData data) {
    JFreeChart chart = ChartFactory.createXYLineChart(title, "time since the run began (s)",
        yLabel, series, PlotOrientation.VERTICAL, true, false, false);
    chart.addSubtitle(new TextTitle(SHADING));
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    shadeFaults(plot, data.faults);
    return chart;
  }

  /**
   * Partitions, pauses, kills and freezes as shaded intervals (overlaps merged); retires, joins
   * and clock skews as lines.
   */
  static void shadeFaults(XYPlot plot, List<Fault> faults) {
    for (Map.Entry<String, Color> shade : SHADES) {
      for (double[] interval : merged(faults, shade.getKey())) {
        plot.addDomainMarker(new IntervalMarker(interval[0], interval[1], shade.getValue()),
            Layer.BACKGROUND);
      }
    }
    for (Fault fault : faults) {
      Color line = LINES.get(fault.kind());
      if (line != null) {
        ValueMarker marker = new ValueMarker(RunData.seconds(fault.startNanos()), line,
            new BasicStroke(1.5f));
        plot.addDomainMarker(marker, Layer.BACKGROUND);
      }
    }
  }

  /** The union of one kind's intervals, in seconds, so that overlapping faults shade once. */
  static List<double[]> merged(List<Fault> faults, String kind) {
    List<double[]> merged = new ArrayList<>();
    for (Fault fault : faults) { // in order of start
      if (!fault.kind().equals(kind)) {
        continue;
      }
      double from = RunData.seconds(fault.startNanos());
      double to = RunData.seconds(fault.endNanos());
      double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && from <= last[1]) {
        last[1] = Math.max(last[1], to);
      } else {
        merged.add(new double[] {from, to});
      }
    }
    return merged;
  }

  static XYLineAndShapeRenderer points() {
    return new XYLineAndShapeRenderer(false, true);
  }

  static String svg(JFreeChart chart) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH_PX, HEIGHT_PX);
    chart.draw(g, new Rectangle(0, 0, WIDTH_PX, HEIGHT_PX));
    return g.getSVGDocument();
  }

  /** Equal time bins over the run. */
  static final class Bins {
    final int count;
    final double endSeconds;

    Bins(long endNanos) {
      endSeconds = Math.max(RunData.seconds(endNanos), 1e-3);
      count = (int) Math.max(1, Math.min(BINS_MAX, Math.ceil(endSeconds / 0.1)));
    }

    int of(long nanos) {
      return (int) Math.min(count - 1, Math.max(0, RunData.seconds(nanos) / widthSeconds()));
    }

    double widthSeconds() {
      return endSeconds / count;
    }

    double midSeconds(int bin) {
      return (bin + 0.5) * widthSeconds();
    }

    List<List<Double>> lists() {
      List<List<Double>> lists = new ArrayList<>(count);
      for (int b = 0; b < count; b++) {
        lists.add(new ArrayList<>());
      }
      return lists;
    }
  }
}
