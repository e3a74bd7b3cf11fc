package bayou.protocol;

import bayou.history.WriteId;
import bayou.replica.Write;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a server keeps on stable storage, as records appended in order (the node process writes
 * each as one JSON line, framed and checksummed; the simulator keeps the records themselves): every write as it was stored (committed with its CSN, or
 * tentative), the server's name, role and version vector whenever they changed, and the last
 * write answered to each client. Replaying the records gives the state back: the committed log
 * is the committed records in order, the tentative log what was stored tentative and not
 * committed later. Records are only appended, so a crash can only cut the tail short.
 */
public final class Durable {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /**
   * One record. {@code k} is its kind: {@code w} a write, {@code m} the server's state
   * (name, primary, retiring, vv), {@code a} a client's answered write (client, req, stamp).
   */
  public record Rec(String k, Write w, String name, Boolean primary, Boolean retiring,
      Map<String, Long> vv, Integer client, Long req, Long stamp) {}

  private Durable() {}

  public static Rec write(Write write) {
    return new Rec("w", write, null, null, null, null, null, null, null);
  }

  public static Rec state(String name, boolean primary, boolean retiring, Map<String, Long> vv) {
    // a snapshot is sorted and never changes; kept as it is, the check whether the state
    // changed since the last save is mostly an identity test
    Map<String, Long> sorted = vv instanceof bayou.replica.VectorSnapshot ? vv
        : new java.util.TreeMap<>(vv);
    return new Rec("m", null, name, primary, retiring, sorted, null, null, null);
  }

  static Rec ack(int client, long req, long stamp) {
    return new Rec("a", null, null, null, null, null, client, req, stamp);
  }

  /** A record as the node process stores it: one JSON line. */
  public static String encode(Rec rec) {
    return GSON.toJson(rec);
  }

  /** A stored line back as its record; throws IllegalArgumentException if it does not parse. */
  public static Rec decode(String line) {
    try {
      return Objects.requireNonNull(GSON.fromJson(line, Rec.class), "an empty record");
    } catch (com.google.gson.JsonParseException | NullPointerException e) {
      throw new IllegalArgumentException("a record does not parse: " + e.getMessage(), e);
    }
  }

  /** A server's state as its records left it. */
  record Recovered(String name, boolean primary, boolean retiring, Map<String, Long> vv,
      List<Write> committed, List<Write> tentative, Map<Integer, long[]> acks,
      Rec lastState) {}

  /**
   * Replays records into the state they describe; throws IllegalArgumentException when there
   * is no state record (nothing of this server reached the disk) or a record does not parse.
   */
  static Recovered replay(List<Rec> records) {
    Replay replay = new Replay();
    records.forEach(replay::add);
    return replay.result();
  }

  /**
   * Records folded, oldest first, into the state they describe, one at a time: a disk is read
   * as it is replayed, never held whole.
   */
  static final class Replay {
    private String name;
    private boolean primary;
    private boolean retiring;
    private Map<String, Long> vv = Map.of();
    private Rec lastState;
    private final List<Write> committed = new ArrayList<>();
    private final Map<WriteId, Write> tentative = new LinkedHashMap<>();
    private final Map<Integer, long[]> acks = new HashMap<>();

    void add(Rec rec) {
      switch (Objects.requireNonNull(rec.k(), "a record without a kind")) {
        case "w" -> {
          Write w = Objects.requireNonNull(rec.w(), "a write record without its write");
          if (w.committed()) {
            committed.add(w);
            if (!tentative.isEmpty()) { // mostly empty: a whole log replays without a look-up
              tentative.remove(w.id());
            }
          } else {
            tentative.put(w.id(), w);
          }
        }
        case "m" -> {
          name = rec.name();
          primary = Boolean.TRUE.equals(rec.primary());
          retiring = Boolean.TRUE.equals(rec.retiring());
          vv = rec.vv() == null ? Map.of() : rec.vv();
          lastState = rec;
        }
        case "a" -> acks.put(rec.client(), new long[] {rec.req(), rec.stamp()});
        default -> throw new IllegalArgumentException("unknown record kind " + rec.k());
      }
    }

    /** The state the records so far describe; throws when none said which server this is. */
    Recovered result() {
      if (name == null) {
        throw new IllegalArgumentException("no server state on disk");
      }
      List<Write> held = new ArrayList<>(tentative.values());
      held.sort((a, b) -> a.id().compareTo(b.id()));
      return new Recovered(name, primary, retiring, vv, committed, held, acks, lastState);
    }
  }
}
