package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.LogEntry;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retirement is final (Petersen et al.): once a server's version vector has dropped a retired
 * server X, no later vector of that server (in its snapshots or in its replies to clients) holds X
 * again; and a server whose log holds RETIRE(X) does not hold X in its vector.
 *
 * <p>"Later" must be sure despite recording delays. A reply's vector was taken at some moment
 * between the operation's invocation and completion, so a reply is judged only against drops
 * recorded before its invocation. A snapshot's content may predate replies recorded just before
 * it, so a snapshot is judged only against drops seen in earlier snapshots.
 */
final class RetirementChecker implements Checker {
  static final String RETIRE = "RETIRE";

  /** What one server is known to have retired: retiree name to the event where it was dropped. */
  private static final class ServerState {
    final Map<String, Long> retired = new LinkedHashMap<>();
    final Map<String, Long> retiredInSnapshot = new HashMap<>();
    Map<String, Long> previousVv;

    /** Whether {@link #learn} of this retiree would change nothing. */
    boolean knows(String retiree, boolean snapshot) {
      return retired.containsKey(retiree) && (!snapshot || retiredInSnapshot.containsKey(retiree));
    }

    void learn(String retiree, long event, boolean snapshot) {
      retired.putIfAbsent(retiree, event);
      if (snapshot) {
        retiredInSnapshot.putIfAbsent(retiree, event);
      }
    }
  }

  /** One version vector of a server: from a snapshot, or from a reply to an operation. */
  private record Observation(String server, Map<String, Long> vv, boolean snapshot,
      long start, long event) {}

  @Override
  public String name() {
    return "retirement";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    Map<String, ServerState> servers = new HashMap<>();
    Set<String> retiredByNemesis = new HashSet<>();
    List<RetireAt> inLongest = history.snapshots().isEmpty() ? List.of()
        : retiresIn(history.commitPrefix().longestLog());
    int snapshotNumber = 0;
    long observations = 0;
    for (int position = 0; position < history.size(); position++) {
      HistoryEvent event = history.events().get(position);
      if (event instanceof NemesisEvent) {
        NemesisEvent nemesis = (NemesisEvent) event;
        if ("retireServer".equals(nemesis.f()) && nemesis.name() != null) {
          retiredByNemesis.add(nemesis.name());
        }
      } else if (event instanceof SnapshotEvent) {
        SnapshotEvent snapshot = (SnapshotEvent) event;
        Set<String> retirees = retirees(history, snapshot, snapshotNumber++, inLongest);
        observe(servers, new Observation(HistoryIndexer.serverKey(snapshot), snapshot.vv(),
            true, snapshot.index(), snapshot.index()), retirees, retiredByNemesis, findings);
        observations++;
      } else {
        OpEvent op = (OpEvent) event;
        if (op.type() != OpType.INVOKE && op.vv() != null && op.serverName() != null) {
          Op paired = history.opAt(position);
          long start = paired == null ? op.index() : paired.invokeIndex();
          observe(servers, new Observation(op.serverName(), op.vv(), false, start, op.index()),
              Set.of(), retiredByNemesis, findings);
          observations++;
        }
      }
    }
    findings.set("vectors-observed", observations);
    findings.set("retirements-applied", servers.values().stream().mapToLong(s -> s.retired.size())
        .sum());
    if (observations == 0) {
      findings.missingData("the history holds no version vectors (no snapshots, no replies)");
    }
    return findings.result();
  }

  private static void observe(Map<String, ServerState> servers, Observation seen,
      Set<String> logRetirees, Set<String> retiredByNemesis, Findings findings) {
    String server = seen.server();
    Map<String, Long> vv = seen.vv();
    long event = seen.event();
    ServerState state = servers.computeIfAbsent(server, k -> new ServerState());
    checkReappeared(state, seen, findings);
    for (String retiree : logRetirees) {
      if (retiree.equals(server)) {
        continue;
      }
      if (vv.containsKey(retiree)) {
        findings.violation("retiree-in-vector", "Server " + server + "'s snapshot at event "
            + event + " holds RETIRE(" + retiree + ") in its log but " + retiree + "="
            + vv.get(retiree) + " in its version vector.", event);
      } else {
        state.learn(retiree, event, true);
      }
    }
    if (state.previousVv != null && state.previousVv != vv) {
      learnDropped(state, state.previousVv.keySet(), seen);
    }
    learnDropped(state, retiredByNemesis, seen);
    state.previousVv = vv;
  }

  private static void checkReappeared(ServerState state, Observation seen, Findings findings) {
    List<String> reappeared = new ArrayList<>();
    // Walk the smaller side: a server drops dozens of retirees over a long run, and its vector
    // at any one time lists fewer names.
    if (seen.vv().size() < state.retired.size()) {
      for (String name : seen.vv().keySet()) {
        Long since = state.retired.get(name);
        if (since != null) {
          reappeared(state, seen, name, since, reappeared, findings);
        }
      }
    } else {
      state.retired.forEach((retiree, since) -> {
        if (seen.vv().containsKey(retiree)) {
          reappeared(state, seen, retiree, since, reappeared, findings);
        }
      });
    }
    // Reported once; the server may drop it again, and then may not re-add it again.
    for (String retiree : reappeared) {
      state.retired.remove(retiree);
      state.retiredInSnapshot.remove(retiree);
    }
  }

  /** Reports a retiree the server's vector {@code seen} holds again, if it had dropped it. */
  private static void reappeared(ServerState state, Observation seen, String retiree, long since,
      List<String> reappeared, Findings findings) {
    Long sinceSnapshot = state.retiredInSnapshot.get(retiree);
    boolean after = seen.snapshot() ? sinceSnapshot != null : since < seen.start();
    if (after) {
      long dropped = seen.snapshot() ? sinceSnapshot : since;
      reappeared.add(retiree);
      findings.violation("retired-reappeared", "Server " + seen.server() + "'s version vector"
          + " at event " + seen.event() + " holds " + retiree + "=" + seen.vv().get(retiree)
          + " although the server had dropped the retired " + retiree + " by event " + dropped
          + ".", dropped, seen.event());
    }
  }

  /** Candidates the vector lacks and CompleteV calls retired are retired at this server. */
  private static void learnDropped(ServerState state, Set<String> candidates, Observation seen) {
    for (String name : candidates) {
      if (state.knows(name, seen.snapshot())) {
        continue; // learning it again would change nothing: spare its CompleteV walk
      }
      if (!seen.vv().containsKey(name) && Vectors.complete(seen.vv(), name) == Vectors.RETIRED) {
        state.learn(name, seen.event(), seen.snapshot());
      }
    }
  }

  private record RetireAt(int position, String retiree) {}

  private static List<RetireAt> retiresIn(List<LogEntry> log) {
    List<RetireAt> found = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      if (RETIRE.equals(log.get(i).op())) {
        found.add(new RetireAt(i, log.get(i).key()));
      }
    }
    return found;
  }

  /** The retirees of a snapshot's log, using the longest sequence for a committed prefix. */
  private static Set<String> retirees(History history, SnapshotEvent snapshot, int number,
      List<RetireAt> inLongest) {
    Set<String> retirees = new HashSet<>();
    if (history.commitPrefix().isPrefix(number)) {
      for (RetireAt at : inLongest) {
        if (at.position() < snapshot.committed().size()) {
          retirees.add(at.retiree());
        }
      }
    } else {
      retiresIn(snapshot.committed()).forEach(at -> retirees.add(at.retiree()));
    }
    retiresIn(snapshot.tentative()).forEach(at -> retirees.add(at.retiree()));
    return retirees;
  }
}
