package bayou.history;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one event as one JSON object with Jepsen's field names. Null fields, and ints that are
 * -1 for "none" (server, a, b), are left out. Map entries are written sorted by key, so the same
 * history always exports to the same bytes whatever the maps' iteration order was.
 */
final class JsonEventWriter {
  private JsonEventWriter() {}

  static void write(JsonGenerator g, HistoryEvent event) throws IOException {
    g.writeStartObject();
    g.writeNumberField(JsonFields.INDEX, event.index());
    g.writeNumberField(JsonFields.TIME, event.timeNanos());
    if (event instanceof OpEvent op) {
      writeOp(g, op);
    } else if (event instanceof NemesisEvent n) {
      writeNemesis(g, n);
    } else {
      writeSnapshot(g, (SnapshotEvent) event);
    }
    g.writeEndObject();
  }

  private static void writeOp(JsonGenerator g, OpEvent e) throws IOException {
    g.writeStringField(JsonFields.TYPE, e.type().jepsenName());
    g.writeNumberField(JsonFields.PROCESS, e.process());
    g.writeStringField(JsonFields.F, e.f());
    string(g, JsonFields.KEY, e.key());
    string(g, JsonFields.VALUE, e.value());
    string(g, JsonFields.ERROR, e.error());
    id(g, JsonFields.SERVER, e.server());
    string(g, JsonFields.SERVER_NAME, e.serverName());
    map(g, JsonFields.VV, e.vv());
    writeId(g, JsonFields.WRITE_ID, e.writeId());
    writeId(g, JsonFields.READ_FROM, e.readFrom());
    map(g, JsonFields.READ_SET, e.readSet());
    map(g, JsonFields.WRITE_SET, e.writeSet());
    if (e.commits() != null) {
      g.writeNumberField(JsonFields.COMMITS, e.commits());
    }
    if (e.floor() != null) {
      g.writeNumberField(JsonFields.FLOOR, e.floor());
    }
  }

  private static void writeNemesis(JsonGenerator g, NemesisEvent e) throws IOException {
    g.writeStringField(JsonFields.TYPE, JsonFields.INFO);
    g.writeStringField(JsonFields.PROCESS, JsonFields.NEMESIS);
    g.writeStringField(JsonFields.F, e.f());
    id(g, JsonFields.A, e.a());
    id(g, JsonFields.B, e.b());
    string(g, JsonFields.NAME, e.name());
    string(g, JsonFields.DETAIL, e.detail());
  }

  private static void writeSnapshot(JsonGenerator g, SnapshotEvent e) throws IOException {
    g.writeStringField(JsonFields.TYPE, JsonFields.SNAPSHOT);
    id(g, JsonFields.SERVER, e.server());
    string(g, JsonFields.SERVER_NAME, e.serverName());
    string(g, JsonFields.REASON, e.reason());
    g.writeBooleanField(JsonFields.PRIMARY, e.primary());
    entries(g, JsonFields.COMMITTED, e.committed());
    entries(g, JsonFields.TENTATIVE, e.tentative());
    map(g, JsonFields.VV, e.vv());
  }

  private static void entries(JsonGenerator g, String name, List<LogEntry> entries)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (LogEntry e : entries) {
      g.writeStartObject();
      writeId(g, JsonFields.ID, e.id());
      g.writeNumberField(JsonFields.CSN, e.csn());
      g.writeStringField(JsonFields.OP, e.op());
      string(g, JsonFields.KEY, e.key());
      string(g, JsonFields.VALUE, e.value());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void id(JsonGenerator g, String name, int id) throws IOException {
    if (id != -1) {
      g.writeNumberField(name, id);
    }
  }

  private static void writeId(JsonGenerator g, String name, WriteId id) throws IOException {
    if (id != null) {
      g.writeObjectFieldStart(name);
      g.writeNumberField(JsonFields.STAMP, id.stamp());
      g.writeStringField(JsonFields.ACCEPTOR, id.acceptor());
      g.writeEndObject();
    }
  }

  private static void map(JsonGenerator g, String name, Map<String, Long> map)
      throws IOException {
    if (map == null) {
      return;
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>(map.entrySet());
    entries.sort(Map.Entry.comparingByKey());
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : entries) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
