package bayou.history;

import static bayou.history.EventFormat.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Writes events in {@link EventFormat}. One encoder per queue, holding the symbols defined so
 * far. Not thread-safe.
 *
 * <p>Symbols defined while writing a document are provisional until {@link #commit()}: if the
 * document is rolled back, {@link #rollback()} forgets them, so no later document refers to a
 * definition that never reached the queue.
 */
final class EventEncoder {
  private final Map<String, Integer> symbols = new HashMap<>();
  private final List<String> provisional = new ArrayList<>();
  /** Each server's committed log in its last written snapshot: the base of the next delta. */
  private final Map<Integer, List<LogEntry>> lastCommitted = new HashMap<>();
  /** Each server's tentative part in its last written snapshot. */
  private final Map<Integer, List<LogEntry>> lastTentative = new HashMap<>();
  private SnapshotEvent pendingSnapshot; // written, not yet committed
  private int pendingForget = -1; // a retired server's bases, forgotten once its event is written

  /**
   * Rejects what the format cannot hold before anything is written, so a bad event never leaves
   * half a document behind.
   */
  static void validate(HistoryEvent event) {
    if (event instanceof OpEvent op) {
      checkMap("vv", op.vv());
      checkMap("read-set", op.readSet());
      checkMap("write-set", op.writeSet());
    }
  }

  private static void checkMap(String what, Map<String, Long> map) {
    if (map == null) {
      return;
    }
    for (Map.Entry<String, Long> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException(
            what + " holds a null key or value: " + e.getKey() + "=" + e.getValue());
      }
    }
  }

  void write(HistoryEvent event, Bytes<?> out) {
    if (event instanceof OpEvent op) {
      writeOp(op, out);
    } else if (event instanceof NemesisEvent n) {
      writeNemesis(n, out);
    } else {
      writeSnapshot((SnapshotEvent) event, out);
    }
  }

  /** The document that was written reached the queue: its new symbols are now defined. */
  void commit() {
    provisional.clear();
    if (pendingSnapshot != null) {
      lastCommitted.put(pendingSnapshot.server(), pendingSnapshot.committed());
      lastTentative.put(pendingSnapshot.server(), pendingSnapshot.tentative());
      pendingSnapshot = null;
    }
    if (pendingForget >= 0) {
      lastCommitted.remove(pendingForget);
      lastTentative.remove(pendingForget);
      pendingForget = -1;
    }
  }

  /** The document that was written was rolled back: forget the symbols it defined. */
  void rollback() {
    for (String s : provisional) {
      symbols.remove(s);
    }
    provisional.clear();
    pendingSnapshot = null;
    pendingForget = -1;
  }

  private void writeOp(OpEvent e, Bytes<?> out) {
    int mask = (e.key() != null ? KEY : 0)
        | (e.value() != null ? VALUE : 0)
        | (e.error() != null ? ERROR : 0)
        | (e.serverName() != null ? SERVER_NAME : 0)
        | (e.vv() != null ? VV : 0)
        | (e.writeId() != null ? WRITE_ID : 0)
        | (e.readFrom() != null ? READ_FROM : 0)
        | (e.readSet() != null ? READ_SET : 0)
        | (e.writeSet() != null ? WRITE_SET : 0)
        | (e.commits() != null ? COMMITS : 0)
        | (e.floor() != null ? FLOOR : 0);
    out.writeByte(OP);
    out.writeStopBit(e.index());
    out.writeStopBit(e.timeNanos());
    out.writeByte((byte) e.type().ordinal());
    out.writeStopBit(mask);
    out.writeStopBit(e.process());
    writeSymbol(e.f(), out);
    out.writeStopBit(e.server() + 1L);
    if ((mask & KEY) != 0) {
      writeSymbol(e.key(), out);
    }
    if ((mask & VALUE) != 0) {
      // Values are unique by design (each names the write it came from): never a symbol.
      out.writeUtf8(e.value());
    }
    if ((mask & ERROR) != 0) {
      writeSymbol(e.error(), out);
    }
    if ((mask & SERVER_NAME) != 0) {
      writeSymbol(e.serverName(), out);
    }
    if ((mask & VV) != 0) {
      writeMap(e.vv(), out);
    }
    if ((mask & WRITE_ID) != 0) {
      writeId(e.writeId(), out);
    }
    if ((mask & READ_FROM) != 0) {
      writeId(e.readFrom(), out);
    }
    if ((mask & READ_SET) != 0) {
      writeMap(e.readSet(), out);
    }
    if ((mask & WRITE_SET) != 0) {
      writeMap(e.writeSet(), out);
    }
    if ((mask & COMMITS) != 0) {
      out.writeStopBit(e.commits());
    }
    if ((mask & FLOOR) != 0) {
      out.writeStopBit(e.floor());
    }
  }

  private void writeNemesis(NemesisEvent e, Bytes<?> out) {
    int mask = (e.name() != null ? NAME : 0) | (e.detail() != null ? DETAIL : 0);
    out.writeByte(NEMESIS);
    out.writeStopBit(e.index());
    out.writeStopBit(e.timeNanos());
    out.writeStopBit(mask);
    writeSymbol(e.f(), out);
    out.writeStopBit(e.a() + 1L);
    out.writeStopBit(e.b() + 1L);
    if ((mask & NAME) != 0) {
      writeSymbol(e.name(), out);
    }
    if ((mask & DETAIL) != 0) {
      out.writeUtf8(e.detail());
    }
    if (e.f().equals(FORGETS_BASE)) {
      pendingForget = e.a();
    }
  }

  private void writeSnapshot(SnapshotEvent e, Bytes<?> out) {
    List<LogEntry> tentativeBefore = lastTentative.getOrDefault(e.server(), List.of());
    boolean tentativeSame = lastTentative.containsKey(e.server())
        && tentativeBefore.equals(e.tentative());
    Run run = tentativeSame ? null : Run.of(tentativeBefore, e.tentative());
    List<LogEntry> committed = e.committed();
    int base = lastCommitted.containsKey(e.server()) ? e.server() : otherBase(committed);
    int mask = (e.serverName() != null ? SNAPSHOT_SERVER_NAME : 0)
        | (e.reason() != null ? REASON : 0)
        | (e.primary() ? PRIMARY : 0)
        | COMMITTED_DELTA
        | (tentativeSame ? TENTATIVE_SAME : 0)
        | (run != null ? TENTATIVE_DELTA : 0)
        | (base >= 0 && base != e.server() ? COMMITTED_BASE : 0);
    out.writeByte(SNAPSHOT);
    out.writeStopBit(e.index());
    out.writeStopBit(e.timeNanos());
    out.writeStopBit(mask);
    out.writeStopBit(e.server() + 1L);
    if ((mask & SNAPSHOT_SERVER_NAME) != 0) {
      writeSymbol(e.serverName(), out);
    }
    if ((mask & REASON) != 0) {
      writeSymbol(e.reason(), out);
    }
    if ((mask & COMMITTED_BASE) != 0) {
      out.writeStopBit(base);
    }
    int shared = SharedPrefixList.sharedPrefix(lastCommitted.getOrDefault(base, List.of()),
        committed);
    out.writeStopBit(shared);
    writeEntries(committed.subList(shared, committed.size()), out);
    if (run != null) {
      out.writeStopBit(run.from());
      out.writeStopBit(run.length());
      writeEntries(e.tentative().subList(run.length(), e.tentative().size()), out);
    } else if (!tentativeSame) {
      writeEntries(e.tentative(), out);
    }
    writeMap(e.vv(), out);
    pendingSnapshot = e;
  }

  /**
   * The server whose last written committed log shares its list with this one (the recorder
   * extends the log a new server copied), the longest such, the lowest id on a tie; -1 if none.
   */
  private int otherBase(List<LogEntry> committed) {
    Object backing = SharedPrefixList.backing(committed);
    int best = -1;
    int bestShared = 0;
    for (Map.Entry<Integer, List<LogEntry>> other : lastCommitted.entrySet()) {
      List<LogEntry> log = other.getValue();
      int shared = Math.min(log.size(), committed.size());
      if (SharedPrefixList.backing(log) == backing && (shared > bestShared
          || shared == bestShared && shared > 0 && other.getKey() < best)) {
        best = other.getKey();
        bestShared = shared;
      }
    }
    return best;
  }

  /**
   * Where a tentative part begins inside the previous one, and how far it runs on alike; null
   * when it does not begin there (nothing to share).
   */
  record Run(int from, int length) {
    static Run of(List<LogEntry> before, List<LogEntry> now) {
      if (now.isEmpty()) {
        return null;
      }
      int from = before.indexOf(now.get(0));
      if (from < 0) {
        return null;
      }
      int length = 1;
      while (from + length < before.size() && length < now.size()
          && before.get(from + length).equals(now.get(length))) {
        length++;
      }
      return new Run(from, length);
    }
  }

  private void writeEntries(List<LogEntry> entries, Bytes<?> out) {
    out.writeStopBit(entries.size());
    for (LogEntry e : entries) {
      int mask = (e.key() != null ? ENTRY_KEY : 0) | (e.value() != null ? ENTRY_VALUE : 0);
      writeId(e.id(), out);
      out.writeStopBit(e.csn() + 1);
      writeSymbol(e.op(), out);
      out.writeByte((byte) mask);
      if ((mask & ENTRY_KEY) != 0) {
        writeSymbol(e.key(), out);
      }
      if ((mask & ENTRY_VALUE) != 0) {
        out.writeUtf8(e.value());
      }
    }
  }

  private void writeId(WriteId id, Bytes<?> out) {
    out.writeStopBit(id.stamp());
    writeSymbol(id.acceptor(), out);
  }

  private void writeMap(Map<String, Long> map, Bytes<?> out) {
    out.writeStopBit(map.size());
    Map<String, Long> sorted = map instanceof SortedMap<String, Long> ? map : new TreeMap<>(map);
    for (Map.Entry<String, Long> e : sorted.entrySet()) {
      writeSymbol(e.getKey(), out);
      out.writeStopBit(e.getValue().longValue());
    }
  }

  private void writeSymbol(String s, Bytes<?> out) {
    Integer id = symbols.get(s);
    if (id != null) {
      out.writeStopBit(id + 1L);
    } else if (symbols.size() < MAX_SYMBOLS) {
      symbols.put(s, symbols.size());
      provisional.add(s);
      out.writeStopBit(DEFINE);
      out.writeUtf8(s);
    } else {
      out.writeStopBit(LITERAL);
      out.writeUtf8(s);
    }
  }
}
