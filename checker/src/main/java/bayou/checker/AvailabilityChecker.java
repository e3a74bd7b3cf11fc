package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bayou's promise of availability, where no fault excuses a silence: every operation of a client
 * at a live server it is not cut off from is answered (a value, ERR_KEY, an accepted write, or a
 * refusal that the session checker judges) unless a fault comes while it runs. Safety checks
 * alone pass a server that answers nobody: every operation then ends in a timeout, whose outcome
 * is unknown, and a history of unknowns contradicts nothing.
 *
 * <p>In the simulator this is judged for the whole run: in virtual time no busy machine delays
 * an answer; so it is in a short replay alone on processes that confirms such a finding. On
 * processes a loaded machine can, so only the operations after a stabilize that
 * left every live server reaching every other with nothing paused are judged, until the next
 * fault. Nothing is judged on a network that loses messages by design (the simulator's
 * {@code --loss}): there, every resend may be lost before the client's deadline.
 *
 * <p>The same holds for the schedule's own steps in the simulator (and in a quiet replay): the
 * generator and the shrinker play only steps their model allows, so a step that failed there (a
 * restore whose sync went unanswered, a retirement whose hand-off was never confirmed) is
 * {@code step-failed}. On processes a failed step is counted, not judged.
 */
final class AvailabilityChecker implements Checker {
  /**
   * Events that excuse no silence: clients moving, stabilizing, the run ending, and the marks of
   * the run's clock, network and replay.
   */
  private static final Set<String> HARMLESS = Set.of("joinClient", "moveClient",
      "stabilizeBegin", History.STABILIZE_END, "runEnd", NemesisEvent.VIRTUAL_TIME,
      NemesisEvent.LOSSY_NETWORK, NemesisEvent.QUIET_REPLAY);

  /** Where a run's silences are judged: all of it, or only after a whole stabilize. */
  private enum Clock {
    PROCESSES(null, null),
    SIMULATED("in the simulator",
        "in virtual time no busy machine delays a command or an answer"),
    QUIET_REPLAY("in a short replay alone on the machine",
        "in a short replay alone on the machine no load delays a command or an answer");

    final String where;
    final String noExcuse;

    Clock(String where, String noExcuse) {
      this.where = where;
      this.noExcuse = noExcuse;
    }

    boolean judgesAll() {
      return this != PROCESSES;
    }

    Clock after(NemesisEvent nemesis) {
      return nemesis.f().equals(NemesisEvent.VIRTUAL_TIME) ? SIMULATED
          : nemesis.f().equals(NemesisEvent.QUIET_REPLAY) && this == PROCESSES ? QUIET_REPLAY
          : this;
    }
  }

  @Override
  public String name() {
    return "availability";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    ServerGraph graph = new ServerGraph();
    Map<Integer, Integer> serverOf = new HashMap<>();
    Set<Long> cutLinks = new HashSet<>();
    Map<Long, Integer> servedBy = new HashMap<>(); // invocation index to its live server
    TreeSet<Long> faults = new TreeSet<>(); // indices of the events that excuse a silence
    long after = history.lastStabilizeEnd();
    boolean whole = false;
    Clock clock = Clock.PROCESSES;
    boolean lossy = false;
    long stepsFailed = 0;
    for (HistoryEvent event : history.events()) {
      if (event instanceof NemesisEvent nemesis) {
        clock = clock.after(nemesis);
        lossy |= nemesis.f().equals(NemesisEvent.LOSSY_NETWORK);
        if (failedStep(nemesis)) {
          stepsFailed++;
          if (clock.judgesAll() && !lossy) {
            findings.violation("step-failed", "A step of the " + (nemesis.f().equals(
                NemesisEvent.HEAL_FAILED) ? "final heal" : "schedule") + " failed "
                + clock.where + " (event " + event.index() + "): " + nemesis.detail()
                + ". The schedule allowed the step, and " + clock.noExcuse + ".",
                event.index());
          }
        }
        if (!HARMLESS.contains(nemesis.f())) {
          faults.add(event.index());
        }
        follow(nemesis, graph, serverOf, cutLinks);
        if (event.index() == after) {
          whole = nemesis.detail() == null && graph.whole() && !graph.paused();
        }
      } else if (event instanceof OpEvent op && op.type() == OpType.INVOKE && !lossy
          && (clock.judgesAll() || (event.index() > after && whole && faultBetween(faults, after,
              event.index()) == null))) {
        Integer server = serverOf.get(op.process());
        if (server != null && graph.isLive(server)
            && !cutLinks.contains(ServerGraph.key(op.process(), server))) {
          servedBy.put(event.index(), server);
        }
      }
    }
    long judged = 0;
    for (Op op : history.ops()) {
      Integer server = servedBy.get(op.invokeIndex());
      long end = op.completion() == null ? Long.MAX_VALUE : op.completion().index();
      if (server == null || faultBetween(faults, op.invokeIndex(), end) != null) {
        continue;
      }
      judged++;
      if (!answered(op)) {
        findings.violation("unanswered", Describe.op(op) + " at server " + server
            + (op.completion() == null ? " never completed"
                : " ended " + op.completion().type().jepsenName()
                    + (op.completion().error() == null ? "" : " (" + op.completion().error()
                        + ")"))
            + ", although " + (clock.judgesAll()
                ? "its server was live, the client was not cut off from it, no fault came"
                    + " while it ran, and " + clock.noExcuse + "."
                : "the stabilize that ended at event " + after + " left every live server"
                    + " reaching every other and nothing paused, the client was not cut off"
                    + " from its server, and no fault came before it ended."), op.index());
      }
    }
    findings.set("ops-judged", judged);
    findings.set("steps-failed", stepsFailed);
    return findings.result();
  }

  /** The first fault strictly between two events, or null. */
  private static Long faultBetween(TreeSet<Long> faults, long from, long to) {
    Long next = faults.higher(from);
    return next != null && next < to ? next : null;
  }

  private static boolean failedStep(NemesisEvent nemesis) {
    return nemesis.f().equals(NemesisEvent.STEP_FAILED)
        || nemesis.f().equals(NemesisEvent.HEAL_FAILED);
  }

  /** Answered by the server: ok, or refused with its version vector for the session checker. */
  private static boolean answered(Op op) {
    return op.ok() || (op.failed() && op.vv() != null && (op.errDep() || op.dropped()));
  }

  private static void follow(NemesisEvent nemesis, ServerGraph graph,
      Map<Integer, Integer> serverOf, Set<Long> cutLinks) {
    switch (nemesis.f()) {
      case "joinClient", "moveClient" -> serverOf.put(nemesis.a(), nemesis.b());
      case "break" -> cutLinks.add(ServerGraph.key(nemesis.a(), nemesis.b()));
      case "restore" -> { // a client whose link to a server comes back talks to that server
        cutLinks.remove(ServerGraph.key(nemesis.a(), nemesis.b()));
        if (serverOf.containsKey(nemesis.a()) && !serverOf.containsKey(nemesis.b())) {
          serverOf.put(nemesis.a(), nemesis.b());
        } else if (serverOf.containsKey(nemesis.b()) && !serverOf.containsKey(nemesis.a())) {
          serverOf.put(nemesis.b(), nemesis.a());
        }
      }
      default -> { }
    }
    graph.follow(nemesis);
  }
}
