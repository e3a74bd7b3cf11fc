package bayou.report;

import bayou.history.OpEvent;
import bayou.history.WriteId;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code timeline.html}: every operation of the run, one column per client over time, drawn on
 * a canvas by {@code timeline.js} from JSON embedded in the page. Only what is on screen is
 * drawn, so a run of 50,000 operations scrolls as fast as one of 50; the page is one file and
 * works opened from disk. The JSON is streamed out (50,000 operations make about 20 MB).
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
  /**
   * Stamps (microseconds since 1970, 16 digits) are written less this base, the first stamp
   * seen: 8 digits fewer, a fifth of the page.
   */
  private Long stampBase;

  TimelinePage(RunData data, JsonNode results) {
    this.data = data;
    this.results = results;
  }

  void write(String runName, Writer out) throws IOException {
    out.write(Html.head("timeline of " + runName));
    out.write("<body class=\"timeline\">\n");
    out.write(resource("timeline-body.html"));
    out.write("<script type=\"application/json\" id=\"data\">");
    JsonGenerator json = new JsonFactory().createGenerator(out)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setCharacterEscapes(new ScriptEscapes());
    json.writeStartObject();
    json.writeStringField("run", runName);
    json.writeArrayFieldStart("fields");
    for (String field : OP_FIELDS) {
      json.writeString(field);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("processes");
    for (int p : data.processes) {
      json.writeNumber(p);
    }
    json.writeEndArray();
    json.writeNumberField("endMs", ms(data.endNanos));
    ops(json);
    faults(json);
    named(json);
    json.writeArrayFieldStart("names");
    for (String name : names.keySet()) {
      json.writeString(name);
    }
    json.writeEndArray();
    json.writeNumberField("stampBase", stampBase == null ? 0 : stampBase);
    json.writeEndObject();
    json.close();
    out.write("</script>\n<script>" + resource("timeline.js") + "</script>\n</body></html>\n");
  }

  private void ops(JsonGenerator json) throws IOException {
    Map<Integer, Integer> column = new HashMap<>();
    for (int p : data.processes) {
      column.put(p, column.size());
    }
    json.writeArrayFieldStart("ops");
    for (RunData.Span span : data.spans) {
      OpEvent invoke = span.invoke();
      // never completed: the invocation stands in, with no server, vectors or write
      OpEvent done = span.completion() == null ? invoke : span.completion();
      json.writeStartArray();
      json.writeNumber(column.get(invoke.process()));
      json.writeNumber(ms(span.startNanos()));
      json.writeNumber(ms(span.endNanos()));
      json.writeString(span.outcome());
      json.writeNumber(invoke.index());
      json.writeNumber(done.index());
      json.writeString(invoke.f());
      json.writeString(String.valueOf(invoke.key()));
      json.writeString(value(invoke, span.completion()));
      json.writeNumber(done.server());
      json.writeNumber(name(done.serverName()));
      vector(json, done.vv());
      write(json, done.readFrom());
      write(json, done.writeId());
      vector(json, done.readSet());
      vector(json, done.writeSet());
      json.writeEndArray();
    }
    json.writeEndArray();
  }

  /** A put's value, a get's answer (its value or its error), else "-". */
  private static String value(OpEvent invoke, OpEvent done) {
    if (!invoke.f().equals("get")) {
      return String.valueOf(invoke.value() == null ? "-" : invoke.value());
    }
    return done == null ? "?" : String.valueOf(done.value() != null ? done.value()
        : done.error());
  }

  private void faults(JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("faults");
    for (Fault fault : data.faults) {
      json.writeStartArray();
      json.writeString(fault.kind());
      json.writeString(fault.label());
      json.writeNumber(ms(fault.startNanos()));
      json.writeNumber(ms(fault.endNanos()));
      json.writeEndArray();
    }
    json.writeEndArray();
  }

  /** Event index to the number of the first finding in report.html that names it. */
  private void named(JsonGenerator json) throws IOException {
    Map<String, Integer> named = new LinkedHashMap<>();
    JsonNode checkers = results == null ? null : results.get("checkers");
    int finding = 0;
    for (JsonNode checker : checkers == null ? List.<JsonNode>of() : checkers) {
      for (JsonNode violation : checker.path("violations")) {
        for (JsonNode event : violation.path("events")) {
          named.putIfAbsent(event.asText(), finding);
        }
        finding++;
      }
    }
    json.writeObjectFieldStart("named");
    for (Map.Entry<String, Integer> entry : named.entrySet()) {
      json.writeNumberField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  /** A vector as [name index, stamp, name index, stamp, ...], or null. */
  private void vector(JsonGenerator json, Map<String, Long> vv) throws IOException {
    if (vv == null) {
      json.writeNull();
      return;
    }
    json.writeStartArray();
    for (Map.Entry<String, Long> entry : vv.entrySet()) {
      json.writeNumber(name(entry.getKey()));
      json.writeNumber(stamp(entry.getValue()));
    }
    json.writeEndArray();
  }

  private void write(JsonGenerator json, WriteId id) throws IOException {
    if (id == null) {
      json.writeNull();
      return;
    }
    json.writeStartArray();
    json.writeNumber(stamp(id.stamp()));
    json.writeNumber(name(id.acceptor()));
    json.writeEndArray();
  }

  private long stamp(long stamp) {
    if (stampBase == null) {
      stampBase = stamp;
    }
    return stamp - stampBase;
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

  /**
   * JSON safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} written as
   * unicode escapes, which mean the same inside JSON strings (the only place they occur).
   */
  private static final class ScriptEscapes extends CharacterEscapes {
    private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

    ScriptEscapes() {
      for (char c : new char[] {'<', '>', '&'}) {
        escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
