package bayou.report;

import bayou.history.OpEvent;
import bayou.history.WriteId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code timeline.html}: every operation of the run, one column per client over time, drawn on
 * a canvas by {@code timeline.js} from JSON embedded in the page. Only what is on screen is
 * drawn, so a run of 50,000 operations scrolls as fast as one of 50; the page is one file and
 * works opened from disk.
 */
final class TimelinePage {
  /** Column order of an operation's array in the embedded JSON (timeline.js reads it so). */
  static final List<String> OP_FIELDS = List.of("col", "t0", "t1", "outcome", "invoke",
      "complete", "f", "key", "value", "server", "serverName", "vv", "readFrom", "writeId",
      "readSet", "writeSet");

  private final RunData data;
  private final JsonNode results;
  /** Server names interned: vectors hold indices into this list. */
  private final Map<String, Integer> names = new LinkedHashMap<>();

  TimelinePage(RunData data, JsonNode results) {
    this.data = data;
    this.results = results;
  }

  String render(String runName) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", runName);
    json.put("fields", OP_FIELDS);
    json.put("processes", data.processes);
    json.put("endMs", ms(data.endNanos));
    json.put("ops", ops());
    json.put("faults", faults());
    json.put("named", named());
    json.put("names", List.copyOf(names.keySet()));
    String embedded;
    try {
      embedded = Html.scriptJson(new ObjectMapper().writeValueAsString(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Html.head("timeline of " + runName) + "<body class=\"timeline\">\n" + resource(
        "timeline-body.html") + "<script type=\"application/json\" id=\"data\">" + embedded
        + "</script>\n<script>" + resource("timeline.js") + "</script>\n</body></html>\n";
  }

  private List<Object> ops() {
    Map<Integer, Integer> column = new HashMap<>();
    for (int p : data.processes) {
      column.put(p, column.size());
    }
    List<Object> ops = new ArrayList<>(data.spans.size());
    for (RunData.Span span : data.spans) {
      OpEvent invoke = span.invoke();
      // never completed: the invocation stands in, with no server, vectors or write
      OpEvent done = span.completion() == null ? invoke : span.completion();
      ops.add(Arrays.asList(column.get(invoke.process()), ms(span.startNanos()),
          ms(span.endNanos()), span.outcome(), invoke.index(), done.index(), invoke.f(),
          String.valueOf(invoke.key()), value(invoke, span.completion()), done.server(),
          name(done.serverName()), vector(done.vv()), write(done.readFrom()),
          write(done.writeId()), vector(done.readSet()), vector(done.writeSet())));
    }
    return ops;
  }

  /** A put's value, a get's answer (its value or its error), else "-". */
  private static String value(OpEvent invoke, OpEvent done) {
    if (!invoke.f().equals("get")) {
      return String.valueOf(invoke.value() == null ? "-" : invoke.value());
    }
    return done == null ? "?" : String.valueOf(done.value() != null ? done.value()
        : done.error());
  }

  private List<Object> faults() {
    List<Object> faults = new ArrayList<>();
    for (Fault fault : data.faults) {
      faults.add(List.of(fault.kind(), fault.label(), ms(fault.startNanos()),
          ms(fault.endNanos())));
    }
    return faults;
  }

  /** Event index to the number of the first finding in report.html that names it. */
  private Map<String, Integer> named() {
    Map<String, Integer> named = new LinkedHashMap<>();
    JsonNode checkers = results == null ? null : results.get("checkers");
    if (checkers == null) {
      return named;
    }
    int finding = 0;
    for (JsonNode checker : checkers) {
      for (JsonNode violation : checker.path("violations")) {
        for (JsonNode event : violation.path("events")) {
          named.putIfAbsent(event.asText(), finding);
        }
        finding++;
      }
    }
    return named;
  }

  /** A vector as [name index, stamp, name index, stamp, ...], or null. */
  private List<Object> vector(Map<String, Long> vv) {
    if (vv == null) {
      return null;
    }
    List<Object> flat = new ArrayList<>(vv.size() * 2);
    vv.forEach((server, stamp) -> {
      flat.add(name(server));
      flat.add(stamp);
    });
    return flat;
  }

  private List<Object> write(WriteId id) {
    return id == null ? null : List.of(id.stamp(), name(id.acceptor()));
  }

  private int name(String server) {
    return server == null ? -1 : names.computeIfAbsent(server, s -> names.size());
  }

  /** Milliseconds to the microsecond: enough for the eye, half the digits of nanoseconds. */
  static double ms(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  static String resource(String name) {
    try (InputStream in = TimelinePage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource bayou/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
