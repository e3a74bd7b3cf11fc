package bayou.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON object, as {@link JsonEventWriter} writes it, back into an event. Unknown
 * fields are skipped (histories made elsewhere may carry more); known fields must have the right
 * JSON type. Problems are {@link IllegalArgumentException}s with a one-line message.
 */
final class JsonEventReader {
  private final JsonParser p;
  private final long defaultIndex;

  // The union of all kinds' fields; build() picks the kind and checks what it needs.
  private Long index;
  private Long time;
  private String type;
  private Integer process;
  private String processName;
  private String f;
  private String key;
  private String value;
  private String error;
  private int server = -1;
  private String serverName;
  private Map<String, Long> vv;
  private WriteId writeId;
  private WriteId readFrom;
  private Map<String, Long> readSet;
  private Map<String, Long> writeSet;
  private Long commits;
  private Long floor;
  private int a = -1;
  private int b = -1;
  private String name;
  private String detail;
  private String reason;
  private boolean primary;
  private List<LogEntry> committed = List.of();
  private List<LogEntry> tentative = List.of();

  private JsonEventReader(JsonParser p, long defaultIndex) {
    this.p = p;
    this.defaultIndex = defaultIndex;
  }

  /**
   * The event in the parser's input, which must be exactly one object.
   *
   * @param defaultIndex the index to give an event without one (its position in the file)
   */
  static HistoryEvent read(JsonParser p, long defaultIndex) throws IOException {
    return new JsonEventReader(p, defaultIndex).readEvent();
  }

  private HistoryEvent readEvent() throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw bad("expected a JSON object");
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      readField(field);
    }
    if (t != JsonToken.END_OBJECT) {
      throw bad("unterminated object");
    }
    if (p.nextToken() != null) {
      throw bad("more than one JSON value on the line");
    }
    return build();
  }

  private void readField(String field) throws IOException {
    switch (field) {
      case JsonFields.INDEX -> index = longValue(field);
      case JsonFields.TIME -> time = longValue(field);
      case JsonFields.TYPE -> type = string(field);
      case JsonFields.PROCESS -> readProcess();
      case JsonFields.F -> f = string(field);
      case JsonFields.KEY -> key = scalar(field);
      case JsonFields.VALUE -> value = scalar(field);
      case JsonFields.ERROR -> error = string(field);
      case JsonFields.SERVER -> server = intValue(field);
      case JsonFields.SERVER_NAME -> serverName = string(field);
      case JsonFields.VV -> vv = map(field);
      case JsonFields.WRITE_ID -> writeId = writeIdValue(field);
      case JsonFields.READ_FROM -> readFrom = writeIdValue(field);
      case JsonFields.READ_SET -> readSet = map(field);
      case JsonFields.WRITE_SET -> writeSet = map(field);
      case JsonFields.COMMITS -> commits = longValue(field);
      case JsonFields.FLOOR -> floor = longValue(field);
      case JsonFields.A -> a = intValue(field);
      case JsonFields.B -> b = intValue(field);
      case JsonFields.NAME -> name = string(field);
      case JsonFields.DETAIL -> detail = string(field);
      case JsonFields.REASON -> reason = string(field);
      case JsonFields.PRIMARY -> primary = booleanValue(field);
      case JsonFields.COMMITTED -> committed = entries(field);
      case JsonFields.TENTATIVE -> tentative = entries(field);
      default -> p.skipChildren();
    }
  }

  private HistoryEvent build() {
    if (time == null) {
      throw bad("missing \"time\"");
    }
    if (type == null) {
      throw bad("missing \"type\"");
    }
    long i = index != null ? index : defaultIndex;
    if (type.equals(JsonFields.SNAPSHOT)) {
      return new SnapshotEvent(i, time, server, serverName, reason, primary, committed, tentative,
          vv != null ? vv : Map.of());
    }
    if (f == null) {
      throw bad("missing \"f\"");
    }
    if (JsonFields.NEMESIS.equals(processName)) {
      return new NemesisEvent(i, time, f, a, b, name, detail);
    }
    if (process == null) {
      throw bad(processName != null
          ? "\"process\" must be an int or \"nemesis\", got \"" + processName + "\""
          : "missing \"process\"");
    }
    return new OpEvent(i, time, opType(), process, f, key, value, error, server, serverName, vv,
        writeId, readFrom, readSet, writeSet, commits, floor);
  }

  private OpType opType() {
    for (OpType t : OpType.values()) {
      if (t.jepsenName().equals(type)) {
        return t;
      }
    }
    throw bad("\"type\" must be invoke, ok, fail, info or snapshot, got \"" + type + "\"");
  }

  private void readProcess() throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      processName = p.getText();
      process = null;
    } else {
      process = intValue(JsonFields.PROCESS);
      processName = null;
    }
  }

  private List<LogEntry> entries(String field) throws IOException {
    expect(JsonToken.START_ARRAY, field, "an array");
    List<LogEntry> entries = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      entries.add(entry(field + "[" + entries.size() + "]"));
    }
    return entries;
  }

  private LogEntry entry(String where) throws IOException {
    expect(JsonToken.START_OBJECT, where, "an object");
    WriteId id = null;
    Long csn = null;
    String op = null;
    String entryKey = null;
    String entryValue = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case JsonFields.ID -> id = writeIdValue(where + ".id");
        case JsonFields.CSN -> csn = longValue(where + ".csn");
        case JsonFields.OP -> op = string(where + ".op");
        case JsonFields.KEY -> entryKey = scalar(where + ".key");
        case JsonFields.VALUE -> entryValue = scalar(where + ".value");
        default -> p.skipChildren();
      }
    }
    if (id == null || csn == null || op == null) {
      throw bad(where + " needs \"id\", \"csn\" and \"op\"");
    }
    return new LogEntry(id, csn, op, entryKey, entryValue);
  }

  private WriteId writeIdValue(String field) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(JsonToken.START_OBJECT, field, "an object {\"stamp\":..,\"acceptor\":..}");
    Long stamp = null;
    String acceptor = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String sub = p.currentName();
      p.nextToken();
      switch (sub) {
        case JsonFields.STAMP -> stamp = longValue(field + ".stamp");
        case JsonFields.ACCEPTOR -> acceptor = string(field + ".acceptor");
        default -> p.skipChildren();
      }
    }
    if (stamp == null || acceptor == null) {
      throw bad("\"" + field + "\" needs \"stamp\" and \"acceptor\"");
    }
    return new WriteId(stamp, acceptor);
  }

  private Map<String, Long> map(String field) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(JsonToken.START_OBJECT, field, "an object of numbers");
    Map<String, Long> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      p.nextToken();
      map.put(k, longValue(field + "." + k));
    }
    return map;
  }

  private String string(String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw wrongType(field, "a string");
    }
    return p.getText();
  }

  /** A string, or a number or boolean taken as its text: other tools write numeric keys. */
  private String scalar(String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!t.isScalarValue()) {
      throw wrongType(field, "a string");
    }
    return p.getText();
  }

  private long longValue(String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw wrongType(field, "an integer (64 bits)");
    }
    return p.getLongValue();
  }

  private int intValue(String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() != JsonParser.NumberType.INT) {
      throw wrongType(field, "an integer (32 bits)");
    }
    return p.getIntValue();
  }

  private boolean booleanValue(String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw wrongType(field, "true or false");
    }
    return t == JsonToken.VALUE_TRUE;
  }

  private void expect(JsonToken token, String field, String what) {
    if (p.currentToken() != token) {
      throw wrongType(field, what);
    }
  }

  private IllegalArgumentException wrongType(String field, String what) {
    return bad("\"" + field + "\" must be " + what + ", got " + currentValue());
  }

  /** The offending value as it appeared, shortened: a message stays one readable line. */
  private String currentValue() {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "nothing";
    }
    if (!t.isScalarValue()) {
      return t.asString();
    }
    try {
      String text = p.getText();
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      return t == JsonToken.VALUE_STRING ? "\"" + shown + "\"" : shown;
    } catch (IOException e) {
      return t.name();
    }
  }

  private static IllegalArgumentException bad(String message) {
    return new IllegalArgumentException(message);
  }
}
