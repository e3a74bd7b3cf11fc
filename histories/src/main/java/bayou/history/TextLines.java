package bayou.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One event as one line of text. Built with a StringBuilder rather than String.format: a run can
 * have millions of events.
 */
final class TextLines {
  private static final String NONE = "-";

  private TextLines() {}

  /** Column names aligned with the rows, then what the units and the other rows mean. */
  static List<String> header() {
    StringBuilder b = new StringBuilder("#");
    padLeft(b, "index", 7);
    b.append(' ');
    padLeft(b, "time-ms", 12);
    b.append("  ");
    padRight(b, "process", 9);
    padRight(b, "type", 7);
    padRight(b, "f", 7);
    padRight(b, "key", 12);
    padRight(b, "value-or-error", 24);
    b.append("server");
    return List.of(b.toString(),
        "# time-ms: milliseconds since the history began; server: master id and Bayou name;",
        "# nemesis rows: fault and arguments; snapshot rows: a server's log (committed, tentative,"
            + " version vector); commits: writes the server had committed when it read");
  }

  static void append(StringBuilder b, HistoryEvent event) {
    padLeft(b, Long.toString(event.index()), 8);
    b.append(' ');
    padLeft(b, millis(event.timeNanos()), 12);
    b.append("  ");
    if (event instanceof OpEvent op) {
      appendOp(b, op);
    } else if (event instanceof NemesisEvent n) {
      appendNemesis(b, n);
    } else {
      appendSnapshot(b, (SnapshotEvent) event);
    }
    trimEnd(b);
    escapeControls(b);
  }

  /** One event, one line: a newline in a detail or a key must not start another. */
  private static void escapeControls(StringBuilder b) {
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c < 0x20) {
        String escape = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
            : String.format("\\u%04x", (int) c);
        b.replace(i, i + 1, escape);
        i += escape.length() - 1;
      }
    }
  }

  private static void appendOp(StringBuilder b, OpEvent e) {
    padRight(b, Integer.toString(e.process()), 9);
    padRight(b, e.type().jepsenName(), 7);
    padRight(b, e.f(), 7);
    padRight(b, orNone(e.key()), 12);
    String shown = e.value() == null ? orNone(e.error())
        : e.error() == null ? e.value() : e.value() + " " + e.error();
    padRight(b, shown, 24);
    if (e.server() != -1 || e.serverName() != null) {
      b.append(server(e.server(), e.serverName()));
    }
    if (e.commits() != null) {
      b.append("  commits=").append(e.commits()); // with vv, names the log the get read
    }
  }

  private static void appendNemesis(StringBuilder b, NemesisEvent e) {
    padRight(b, JsonFields.NEMESIS, 9);
    padRight(b, JsonFields.INFO, 7);
    b.append(e.f()).append(' ')
        .append(id(e.a())).append(' ')
        .append(id(e.b())).append(' ')
        .append(orNone(e.name()));
    if (e.detail() != null) {
      b.append("  ").append(e.detail());
    }
  }

  private static void appendSnapshot(StringBuilder b, SnapshotEvent e) {
    padRight(b, JsonFields.SNAPSHOT, 9);
    b.append(server(e.server(), e.serverName()))
        .append("  reason=").append(orNone(e.reason()));
    if (e.primary()) {
      b.append(" primary");
    }
    b.append(" committed=").append(e.committed().size())
        .append(" tentative=").append(e.tentative().size())
        .append(" vv=");
    appendVector(b, e.vv());
  }

  /** A version vector sorted by server name, so equal vectors print the same. */
  static void appendVector(StringBuilder b, Map<String, Long> vv) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(vv.entrySet());
    entries.sort(Map.Entry.comparingByKey());
    b.append('{');
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(entries.get(i).getKey()).append('=').append(entries.get(i).getValue());
    }
    b.append('}');
  }

  /** A master id as "s3", with the Bayou name when known: "s3 <5,0>". */
  static String server(int id, String name) {
    String s = id == -1 ? NONE : "s" + id;
    return name == null ? s : s + " " + name;
  }

  /** Nanoseconds as milliseconds with three decimals, without float rounding. */
  static String millis(long nanos) {
    if (nanos < 0 && nanos != Long.MIN_VALUE) {
      return "-" + millis(-nanos);
    }
    long micros = Math.floorDiv(nanos, 1000L);
    long ms = Math.floorDiv(micros, 1000L);
    long frac = Math.floorMod(micros, 1000L);
    String f = Long.toString(frac);
    return ms + "." + "000".substring(f.length()) + f;
  }

  private static String id(int id) {
    return id == -1 ? NONE : Integer.toString(id);
  }

  private static String orNone(String s) {
    return s == null ? NONE : s;
  }

  /** Pads to width, and always leaves at least one space after the column. */
  private static void padRight(StringBuilder b, String s, int width) {
    b.append(s);
    int pad = Math.max(1, width - s.length());
    for (int i = 0; i < pad; i++) {
      b.append(' ');
    }
  }

  private static void padLeft(StringBuilder b, String s, int width) {
    for (int i = s.length(); i < width; i++) {
      b.append(' ');
    }
    b.append(s);
  }

  private static void trimEnd(StringBuilder b) {
    int n = b.length();
    while (n > 0 && b.charAt(n - 1) == ' ') {
      n--;
    }
    b.setLength(n);
  }
}
