package bayou.report;

import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Plots from the servers' log snapshots: log lengths over time, and how long after each heal
 * every server held what some server held at the heal.
 */
final class Convergence {
  private Convergence() {}

  /** Committed and tentative log lengths of every server over time. */
  static String logLengths(RunData data) {
    Map<String, XYSeries> byName = new TreeMap<>();
    for (SnapshotEvent s : data.snapshots) {
      double t = RunData.seconds(s.timeNanos());
      byName.computeIfAbsent(s.serverName() + " committed", XYSeries::new)
          .add(t, s.committed().size());
      byName.computeIfAbsent(s.serverName() + " tentative", XYSeries::new)
          .add(t, s.tentative().size());
    }
    XYSeriesCollection series = new XYSeriesCollection();
    byName.values().forEach(series::addSeries);
    JFreeChart chart = Charts.lines("Server log lengths (from the snapshots)", "writes in log",
        series, data);
    chart.getXYPlot().getRenderer().setDefaultSeriesVisibleInLegend(byName.size() <= 24);
    return Charts.svg(chart);
  }

  /**
   * For each heal (a link restored, a pause ended): seconds until every server snapshotted after
   * it covers the version vector and committed count that the servers together had at the heal.
   * Snapshots come about once a second, so that is the resolution. Stabilize rounds are plotted
   * beside them.
   */
  static String afterHeals(RunData data) {
    XYSeries heals = new XYSeries("after a heal (snapshot resolution)");
    for (long heal : Fault.heals(data.nemeses)) {
      double seconds = secondsToCover(data.snapshots, heal);
      if (!Double.isNaN(seconds)) {
        heals.add(RunData.seconds(heal), seconds);
      }
    }
    XYSeries stabilize = new XYSeries("stabilize round");
    for (Fault fault : data.faults) {
      if (fault.kind().equals("stabilize")) {
        stabilize.add(RunData.seconds(fault.startNanos()),
            RunData.seconds(fault.endNanos() - fault.startNanos()));
      }
    }
    XYSeriesCollection series = new XYSeriesCollection();
    series.addSeries(heals);
    series.addSeries(stabilize);
    JFreeChart chart = Charts.lines("Convergence after each heal", "seconds to converge",
        series, data);
    chart.getXYPlot().setRenderer(Charts.points());
    return Charts.svg(chart);
  }

  /** NaN when no later snapshot shows every server covering the state at the heal. */
  static double secondsToCover(List<SnapshotEvent> snapshots, long healNanos) {
    Map<String, SnapshotEvent> latest = new HashMap<>();
    List<SnapshotEvent> after = new ArrayList<>();
    for (SnapshotEvent s : snapshots) {
      if (s.timeNanos() <= healNanos) {
        latest.put(s.serverName(), s);
      } else {
        after.add(s);
      }
    }
    if (latest.isEmpty()) {
      return Double.NaN;
    }
    Map<String, Long> target = new HashMap<>();
    long committed = 0;
    for (SnapshotEvent s : latest.values()) {
      s.vv().forEach((server, stamp) -> target.merge(server, stamp, Math::max));
      committed = Math.max(committed, s.committed().size());
    }
    Map<String, Boolean> covered = new HashMap<>();
    for (SnapshotEvent s : after) {
      if (latest.containsKey(s.serverName())) {
        covered.put(s.serverName(), false); // a server retired by then is not waited for
      }
    }
    for (SnapshotEvent s : after) {
      if (covered.containsKey(s.serverName())) {
        covered.put(s.serverName(), covers(s, target, committed));
      }
      if (!covered.containsValue(false)) {
        return RunData.seconds(s.timeNanos() - healNanos);
      }
    }
    return Double.NaN;
  }

  /** A server that dropped a retired server's entry (CompleteV) is taken to cover it. */
  private static boolean covers(SnapshotEvent s, Map<String, Long> target, long committed) {
    if (s.committed().size() < committed) {
      return false;
    }
    for (Map.Entry<String, Long> entry : target.entrySet()) {
      Long have = s.vv().get(entry.getKey());
      if (have != null && have < entry.getValue()) {
        return false;
      }
    }
    return true;
  }
}
