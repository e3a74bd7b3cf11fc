package bayou.harness;

import bayou.history.HistoryReader;
import bayou.history.NemesisEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many servers were live over a recorded run, from its joinServer and retireServer events:
 * a campaign that spends its time on one server tests little, and this shows it.
 */
final class LiveServers {
  private LiveServers() {}

  /**
   * {@code {"min", "max", "final", "timeline": [{"s": seconds, "live": n}, ...]}}, one point per
   * change; times are seconds since the history began.
   */
  static Map<String, Object> of(Path runDir) {
    List<Map<String, Object>> timeline = new ArrayList<>();
    int[] live = {0};
    int[] min = {Integer.MAX_VALUE};
    int[] max = {0};
    boolean[] opened = {false};
    HistoryReader.forEach(runDir, event -> {
      if (!(event instanceof NemesisEvent n)) {
        return;
      }
      int change = n.f().equals("joinServer") ? 1 : n.f().equals("retireServer") ? -1 : 0;
      if (change == 0) {
        opened[0] |= live[0] > 0; // the opening joins are over once anything else happens
        return;
      }
      live[0] += change;
      max[0] = Math.max(max[0], live[0]);
      if (opened[0] || change < 0) {
        opened[0] = true;
        min[0] = Math.min(min[0], live[0]);
      }
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("s", Math.round(n.timeNanos() / 1e6) / 1e3);
      point.put("live", live[0]);
      timeline.add(point);
    });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("min", min[0] == Integer.MAX_VALUE ? live[0] : min[0]);
    json.put("max", max[0]);
    json.put("final", live[0]);
    json.put("timeline", timeline);
    return json;
  }
}
