package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bayou's promise of availability, where no fault excuses a silence: once a stabilize has
 * succeeded with every live server reaching every other and nothing paused, every operation of a
 * client at a live server it is not cut off from is answered (a value, ERR_KEY, an accepted
 * write, or a refusal that the session checker judges) until the next fault. Safety checks alone
 * pass a server that answers nobody: every operation then ends in a timeout, whose outcome is
 * unknown, and a history of unknowns contradicts nothing.
 *
 * <p>The same holds for the schedule's own steps in the simulator: the generator plays only
 * steps its model allows, and in virtual time no busy machine starves a command, so a step that
 * failed there (a restore whose sync went unanswered, a retirement whose hand-off was never
 * confirmed) is {@code step-failed}. On processes a failed step is counted, not judged: a
 * loaded machine can make a control call miss its deadline. Nor is anything judged on a network
 * that loses messages by design (the simulator's {@code --loss}): there, any number of resends
 * may all be lost before a deadline, however unlikely.
 */
final class AvailabilityChecker implements Checker {
  /** Nemesis events after which the system is still whole: clients moving, the run ending. */
  private static final Set<String> HARMLESS = Set.of("joinClient", "moveClient",
      "stabilizeBegin", History.STABILIZE_END, "runEnd");

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
    long after = history.lastStabilizeEnd();
    boolean whole = false;
    long faultAfter = Long.MAX_VALUE;
    long stepsFailed = 0;
    boolean lossy = false;
    for (HistoryEvent event : history.events()) {
      if (event instanceof NemesisEvent nemesis) {
        lossy |= nemesis.f().equals(NemesisEvent.LOSSY_NETWORK);
        if (failedStep(nemesis)) {
          stepsFailed++;
          if (NemesisEvent.IN_VIRTUAL_TIME.equals(nemesis.name()) && !lossy) {
            findings.violation("step-failed", "A step of the " + (nemesis.f().equals(
                NemesisEvent.HEAL_FAILED) ? "final heal" : "schedule") + " failed in the"
                + " simulator (event " + event.index() + "): " + nemesis.detail() + ". The"
                + " schedule allowed the step, and in virtual time no busy machine excuses a"
                + " command that failed or went unanswered.", event.index());
          }
        }
        if (event.index() > after && !HARMLESS.contains(nemesis.f())) {
          faultAfter = Math.min(faultAfter, event.index());
        }
        follow(nemesis, graph, serverOf, cutLinks);
        if (event.index() == after) {
          whole = nemesis.detail() == null && graph.whole() && !graph.paused() && !lossy;
        }
      } else if (event instanceof OpEvent op && op.type() == OpType.INVOKE
          && event.index() > after && whole) {
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
      if (server == null || end > faultAfter) {
        continue;
      }
      judged++;
      if (!answered(op)) {
        findings.violation("unanswered", Describe.op(op) + " at server " + server
            + (op.completion() == null ? " never completed"
                : " ended " + op.completion().type().jepsenName()
                    + (op.completion().error() == null ? "" : " (" + op.completion().error()
                        + ")"))
            + ", although the stabilize that ended at event " + after + " left every live"
            + " server reaching every other and nothing paused, the client was not cut off from"
            + " its server, and no fault came before it ended.", op.index());
      }
    }
    findings.set("ops-after-heal", judged);
    findings.set("steps-failed", stepsFailed);
    return findings.result();
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
