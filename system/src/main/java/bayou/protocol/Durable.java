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
 * What a server keeps on stable storage, as records appended in order (each one JSON line; the
 * driver frames and checksums them): every write as it was stored (committed with its CSN, or
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
  record Rec(String k, Write w, String name, Boolean primary, Boolean retiring,
      Map<String, Long> vv, Integer client, Long req, Long stamp) {}

  private Durable() {}

  public static String write(Write write) {
    return GSON.toJson(new Rec("w", write, null, null, null, null, null, null, null));
  }

  public static String state(String name, boolean primary, boolean retiring, Map<String, Long> vv) {
    return GSON.toJson(new Rec("m", null, name, primary, retiring, new java.util.TreeMap<>(vv),
        null, null, null));
  }

  static String ack(int client, long req, long stamp) {
    return GSON.toJson(new Rec("a", null, null, null, null, null, client, req, stamp));
  }

  /** A server's state as its records left it. */
  record Recovered(String name, boolean primary, boolean retiring, Map<String, Long> vv,
      List<Write> committed, List<Write> tentative, Map<Integer, long[]> acks,
      String lastState) {}

  /**
   * Replays records into the state they describe; throws IllegalArgumentException when there
   * is no state record (nothing of this server reached the disk) or a record does not parse.
   */
  static Recovered replay(List<String> records) {
    String name = null;
    boolean primary = false;
    boolean retiring = false;
    Map<String, Long> vv = Map.of();
    String lastState = null;
    List<Write> committed = new ArrayList<>();
    Map<WriteId, Write> tentative = new LinkedHashMap<>();
    Map<Integer, long[]> acks = new HashMap<>();
    for (String line : records) {
      Rec rec = GSON.fromJson(line, Rec.class);
      switch (Objects.requireNonNull(rec.k(), "a record without a kind")) {
        case "w" -> {
          Write w = Objects.requireNonNull(rec.w(), "a write record without its write");
          if (w.committed()) {
            committed.add(w);
            tentative.remove(w.id());
          } else {
            tentative.put(w.id(), w);
          }
        }
        case "m" -> {
          name = rec.name();
          primary = Boolean.TRUE.equals(rec.primary());
          retiring = Boolean.TRUE.equals(rec.retiring());
          vv = rec.vv() == null ? Map.of() : rec.vv();
          lastState = line;
        }
        case "a" -> acks.put(rec.client(), new long[] {rec.req(), rec.stamp()});
        default -> throw new IllegalArgumentException("unknown record kind " + rec.k());
      }
    }
    if (name == null) {
      throw new IllegalArgumentException("no server state on disk");
    }
    List<Write> held = new ArrayList<>(tentative.values());
    held.sort((a, b) -> a.id().compareTo(b.id()));
    return new Recovered(name, primary, retiring, vv, committed, held, acks, lastState);
  }
}
