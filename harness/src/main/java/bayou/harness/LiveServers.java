package bayou.harness;

import bayou.history.HistoryEvent;
import bayou.history.NemesisEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How many servers were live over a recorded run, from its joinServer and retireServer events:
 * a campaign that spends its time on one server tests little, and this shows it. Fed event by
 * event, so the one reading of the queue that feeds the checkers feeds it too.
 */
final class LiveServers implements Consumer<HistoryEvent> {
  private final List<Map<String, Object>> timeline = new ArrayList<>();
  private int live;
  private int min = Integer.MAX_VALUE;
  private int max;
  private boolean opened;

  @Override
  public void accept(HistoryEvent event) {
    if (!(event instanceof NemesisEvent n)) {
      return;
    }
    int change = n.f().equals("joinServer") ? 1 : n.f().equals("retireServer") ? -1 : 0;
    if (change == 0) {
      opened |= live > 0; // the opening joins are over once anything else happens
      return;
    }
    live += change;
    max = Math.max(max, live);
    if (opened || change < 0) {
      opened = true;
      min = Math.min(min, live);
    }
    Map<String, Object> point = new LinkedHashMap<>();
    point.put("s", Math.round(n.timeNanos() / 1e6) / 1e3);
    point.put("live", live);
    timeline.add(point);
  }

  /**
   * {@code {"min", "max", "final", "timeline": [{"s": seconds, "live": n}, ...]}}, one point per
   * change; times are seconds since the history began.
   */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("min", min == Integer.MAX_VALUE ? live : min);
    json.put("max", max);
    json.put("final", live);
    json.put("timeline", timeline);
    return json;
  }
}
