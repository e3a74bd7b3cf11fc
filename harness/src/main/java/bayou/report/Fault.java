package bayou.report;

import bayou.history.NemesisEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fault, or a stabilize, as an interval of the run: a partition of one link from its break to
 * its restore, a pause to its start, a server's kill to its restart, its freeze to its thaw;
 * retirements, joins, client moves and clock skews are instants ({@code startNanos ==
 * endNanos}). The pictures shade these.
 *
 * @param kind partition, pause, kill, freeze, retire, join, move, clock or stabilize
 * @param label what and whom, for example {@code break 1-3} or {@code retire 2 (<5,R>)}
 */
record Fault(String kind, String label, long startNanos, long endNanos) {
  static final List<String> KINDS = List.of("partition", "pause", "kill", "freeze", "retire",
      "join", "move", "clock", "stabilize");

  boolean instant() {
    return startNanos == endNanos;
  }

  /** Faults in order of start; an interval still open at the end lasts until endNanos. */
  static List<Fault> intervals(List<NemesisEvent> nemeses, long endNanos) {
    List<Fault> faults = new ArrayList<>();
    Map<String, NemesisEvent> breaks = new LinkedHashMap<>();
    Map<String, NemesisEvent> open = new HashMap<>(); // pause and stabilize
    Map<Integer, NemesisEvent> killed = new LinkedHashMap<>();
    Map<Integer, NemesisEvent> frozen = new LinkedHashMap<>();
    for (NemesisEvent e : nemeses) {
      long t = e.timeNanos();
      String link = Math.min(e.a(), e.b()) + "-" + Math.max(e.a(), e.b());
      switch (e.f()) {
        case "break" -> breaks.putIfAbsent(link, e);
        case "restore" -> close(faults, breaks.remove(link), "partition", "break " + link, t);
        case "pause", "stabilizeBegin" -> open.putIfAbsent(e.f(), e);
        case "start" -> close(faults, open.remove("pause"), "pause", "pause", t);
        case "stabilizeEnd" -> close(faults, open.remove("stabilizeBegin"), "stabilize",
            "stabilize", t);
        case "retireServer" -> faults.add(new Fault("retire", "retire " + e.a()
            + (e.name() == null ? "" : " (" + e.name() + ")"), t, t));
        case "joinServer" -> faults.add(new Fault("join", "join " + e.a()
            + (e.name() == null ? "" : " (" + e.name() + ")"), t, t));
        case "moveClient" -> faults.add(new Fault("move", "move c" + e.a() + " to " + e.b(),
            t, t));
        case "killServer" -> killed.putIfAbsent(e.a(), e);
        case "restartServer" -> close(faults, killed.remove(e.a()), "kill", "kill " + e.a(), t);
        case "freezeServer" -> frozen.putIfAbsent(e.a(), e);
        case "thawServer" -> close(faults, frozen.remove(e.a()), "freeze", "freeze " + e.a(), t);
        case "skewClock" -> faults.add(new Fault("clock", "clock " + e.a(), t, t));
        default -> { } // joinClient, runEnd: not faults
      }
    }
    breaks.forEach((link, e) -> close(faults, e, "partition", "break " + link, endNanos));
    close(faults, open.get("pause"), "pause", "pause", endNanos);
    killed.forEach((server, e) -> close(faults, e, "kill", "kill " + server, endNanos));
    frozen.forEach((server, e) -> close(faults, e, "freeze", "freeze " + server, endNanos));
    faults.sort((x, y) -> Long.compare(x.startNanos, y.startNanos));
    return faults;
  }

  private static void close(List<Fault> faults, NemesisEvent opened, String kind, String label,
      long endNanos) {
    if (opened != null) {
      faults.add(new Fault(kind, label, opened.timeNanos(), Math.max(endNanos,
          opened.timeNanos())));
    }
  }

  /** How many faults of each kind (stabilizes are not faults). */
  static Map<String, Integer> counts(List<Fault> faults) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String kind : KINDS) {
      if (!kind.equals("stabilize")) {
        counts.put(kind, (int) faults.stream().filter(f -> f.kind.equals(kind)).count());
      }
    }
    return counts;
  }

  /** Times of heals: each restore of a link, start after a pause, restart and thaw. */
  static List<Long> heals(List<NemesisEvent> nemeses) {
    List<Long> heals = new ArrayList<>();
    for (NemesisEvent e : nemeses) {
      if (List.of("restore", "start", "restartServer", "thawServer").contains(e.f())) {
        heals.add(e.timeNanos());
      }
    }
    return heals;
  }
}
