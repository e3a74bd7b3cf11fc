package bayou.history;

import static bayou.history.EventFormat.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Reads events in {@link EventFormat}, from the first document of a queue on. One decoder per
 * pass over a queue, holding the symbols defined so far. Not thread-safe.
 */
final class EventDecoder {
  private static final OpType[] OP_TYPES = OpType.values();

  /**
   * Snapshots repeat most of a log (every server's committed prefix, again at every stabilize),
   * so a checker holding a whole history would hold the same entry many times over. Entries equal
   * in every field are shared instead; a write whose content differs between snapshots (a bug
   * in the system under test) still reads back as it was written.
   */
  private static final int MAX_SHARED_ENTRIES = 1 << 22;

  private final List<String> symbols = new ArrayList<>();
  private final Map<LogEntry, LogEntry> sharedEntries = new HashMap<>();
  /** Each server's committed log in its last snapshot read: the base of the next delta. */
  private final Map<Integer, List<LogEntry>> lastCommitted = new HashMap<>();
  /** Each server's tentative part in its last snapshot read. */
  private final Map<Integer, List<LogEntry>> lastTentative = new HashMap<>();

  HistoryEvent read(Bytes<?> in) {
    byte tag = in.readByte();
    switch (tag) {
      case OP:
        return readOp(in);
      case NEMESIS:
        return readNemesis(in);
      case SNAPSHOT:
        return readSnapshot(in);
      default:
        throw new IllegalStateException(String.format(
            "unknown event tag 0x%02x: not a bayou history, or written by a newer version", tag));
    }
  }

  private OpEvent readOp(Bytes<?> in) {
    long index = in.readStopBit();
    long time = in.readStopBit();
    int typeOrdinal = in.readByte();
    if (typeOrdinal < 0 || typeOrdinal >= OP_TYPES.length) {
      throw new IllegalStateException("bad operation type " + typeOrdinal + " at index " + index);
    }
    int mask = (int) in.readStopBit();
    int process = (int) in.readStopBit();
    String f = readSymbol(in);
    int server = (int) (in.readStopBit() - 1);
    String key = (mask & KEY) != 0 ? readSymbol(in) : null;
    String value = (mask & VALUE) != 0 ? in.readUtf8() : null;
    String error = (mask & ERROR) != 0 ? readSymbol(in) : null;
    String serverName = (mask & SERVER_NAME) != 0 ? readSymbol(in) : null;
    Map<String, Long> vv = (mask & VV) != 0 ? readMap(in) : null;
    WriteId writeId = (mask & WRITE_ID) != 0 ? readId(in) : null;
    WriteId readFrom = (mask & READ_FROM) != 0 ? readId(in) : null;
    Map<String, Long> readSet = (mask & READ_SET) != 0 ? readMap(in) : null;
    Map<String, Long> writeSet = (mask & WRITE_SET) != 0 ? readMap(in) : null;
    Long commits = (mask & COMMITS) != 0 ? in.readStopBit() : null;
    Long floor = (mask & FLOOR) != 0 ? in.readStopBit() : null;
    return new OpEvent(index, time, OP_TYPES[typeOrdinal], process, f, key, value, error, server,
        serverName, vv, writeId, readFrom, readSet, writeSet, commits, floor);
  }

  private NemesisEvent readNemesis(Bytes<?> in) {
    long index = in.readStopBit();
    long time = in.readStopBit();
    int mask = (int) in.readStopBit();
    String f = readSymbol(in);
    int a = (int) (in.readStopBit() - 1);
    int b = (int) (in.readStopBit() - 1);
    String name = (mask & NAME) != 0 ? readSymbol(in) : null;
    String detail = (mask & DETAIL) != 0 ? in.readUtf8() : null;
    if (f.equals(FORGETS_BASE)) {
      lastCommitted.remove(a);
      lastTentative.remove(a);
    }
    return new NemesisEvent(index, time, f, a, b, name, detail);
  }

  private SnapshotEvent readSnapshot(Bytes<?> in) {
    long index = in.readStopBit();
    long time = in.readStopBit();
    int mask = (int) in.readStopBit();
    int server = (int) (in.readStopBit() - 1);
    String serverName = (mask & SNAPSHOT_SERVER_NAME) != 0 ? readSymbol(in) : null;
    String reason = (mask & REASON) != 0 ? readSymbol(in) : null;
    List<LogEntry> committed;
    if ((mask & COMMITTED_DELTA) != 0) {
      int base = (mask & COMMITTED_BASE) != 0 ? (int) in.readStopBit() : server;
      if (base != server && !lastCommitted.containsKey(base)) {
        throw new IllegalStateException("corrupt snapshot: a delta against server " + base
            + ", which has no snapshot to build on");
      }
      List<LogEntry> before = lastCommitted.getOrDefault(base, List.of());
      long shared = in.readStopBit();
      if (shared < 0 || shared > before.size()) {
        throw new IllegalStateException("corrupt snapshot: shares " + shared + " entries of "
            + before.size());
      }
      committed = SharedPrefixList.extend(before, (int) shared, readEntries(in));
    } else {
      committed = readEntries(in);
    }
    lastCommitted.put(server, committed);
    List<LogEntry> tentative;
    if ((mask & TENTATIVE_SAME) != 0) {
      tentative = lastTentative.get(server);
      if (tentative == null) {
        throw new IllegalStateException("corrupt snapshot: repeats a tentative part never read");
      }
    } else if ((mask & TENTATIVE_DELTA) != 0) {
      List<LogEntry> before = lastTentative.getOrDefault(server, List.of());
      long from = in.readStopBit();
      long length = in.readStopBit();
      if (from < 0 || length < 0 || from + length > before.size()) {
        throw new IllegalStateException("corrupt snapshot: a tentative run of " + length
            + " from " + from + " in a part of " + before.size());
      }
      List<LogEntry> rest = readEntries(in);
      tentative = new ArrayList<>((int) length + rest.size());
      tentative.addAll(before.subList((int) from, (int) (from + length)));
      tentative.addAll(rest);
    } else {
      tentative = readEntries(in);
    }
    lastTentative.put(server, tentative);
    Map<String, Long> vv = readMap(in);
    return new SnapshotEvent(index, time, server, serverName, reason, (mask & PRIMARY) != 0,
        committed, tentative, vv);
  }

  private List<LogEntry> readEntries(Bytes<?> in) {
    int n = readSize(in);
    List<LogEntry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      WriteId id = readId(in);
      long csn = in.readStopBit() - 1;
      String op = readSymbol(in);
      int mask = in.readByte();
      String key = (mask & ENTRY_KEY) != 0 ? readSymbol(in) : null;
      String value = (mask & ENTRY_VALUE) != 0 ? in.readUtf8() : null;
      entries.add(shared(new LogEntry(id, csn, op, key, value)));
    }
    return entries;
  }

  private LogEntry shared(LogEntry entry) {
    LogEntry known = sharedEntries.get(entry);
    if (known != null) {
      return known;
    }
    if (sharedEntries.size() < MAX_SHARED_ENTRIES) {
      sharedEntries.put(entry, entry);
    }
    return entry;
  }

  private WriteId readId(Bytes<?> in) {
    long stamp = in.readStopBit();
    return new WriteId(stamp, readSymbol(in));
  }

  private Map<String, Long> readMap(Bytes<?> in) {
    int n = readSize(in);
    // Room for n entries without a resize at the default load factor.
    Map<String, Long> map = new LinkedHashMap<>(n * 4 / 3 + 1);
    for (int i = 0; i < n; i++) {
      String key = readSymbol(in);
      map.put(key, in.readStopBit());
    }
    return map;
  }

  private String readSymbol(Bytes<?> in) {
    long code = in.readStopBit();
    if (code > 0 && code <= symbols.size()) {
      return symbols.get((int) (code - 1));
    }
    if (code == DEFINE) {
      String s = in.readUtf8();
      symbols.add(s);
      return s;
    }
    if (code == LITERAL) {
      return in.readUtf8();
    }
    throw new IllegalStateException("corrupt event: symbol " + code + " of " + symbols.size());
  }

  /** A size can never exceed the bytes left, which catches garbage before a huge allocation. */
  private static int readSize(Bytes<?> in) {
    long n = in.readStopBit();
    if (n < 0 || n > in.readRemaining()) {
      throw new IllegalStateException("corrupt event: collection size " + n);
    }
    return (int) n;
  }
}
