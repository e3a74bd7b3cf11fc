package bayou.checker;

import java.util.List;
import java.util.Map;

/**
 * Terry et al.'s session guarantees at the serving server, from the version vector it returned:
 * a read that answered must see every write the session made (read your writes) and everything
 * its earlier reads saw (monotonic reads); an accepted write likewise (monotonic writes, writes
 * follow reads). A refusal must be justified: an ERR_DEP by the session's read and write sets
 * (or its commit floor), a dropped write by those or by its server retiring.
 */
final class SessionAtServer {
  private final Findings findings;
  private final SessionVector written = new SessionVector();
  private final SessionVector read = new SessionVector();
  private Map<String, Long> readSet = Map.of();
  private Map<String, Long> writeSet = Map.of();
  private long floor; // commits the session needs, for retired servers dropped from its sets
  private long setsEvent = -1;
  private long reads;
  private long writes;
  private long errDeps;
  private long drops;
  private long withoutVv;

  /** Server name to the event where it was retired: a write it drops after then is justified. */
  private final Map<String, Long> retiredAt;

  private SessionAtServer(Findings findings, Map<String, Long> retiredAt) {
    this.findings = findings;
    this.retiredAt = retiredAt;
  }

  /**
   * Checks one process's operations, in order; {@code retiredAt} maps each retired server's name
   * to its retireServer event.
   */
  static void check(List<Op> session, Map<String, Long> retiredAt, Findings findings) {
    SessionAtServer checker = new SessionAtServer(findings, retiredAt);
    for (Op op : session) {
      checker.step(op);
    }
    // Counted here, not per operation: a million map updates would cost more than the checks.
    checker.addCount("reads-checked", checker.reads);
    checker.addCount("writes-checked", checker.writes);
    checker.addCount("err-deps-checked", checker.errDeps);
    checker.addCount("drops-checked", checker.drops);
    checker.addCount("ops-without-vv", checker.withoutVv);
  }

  private void addCount(String what, long count) {
    if (count > 0) {
      findings.add(what, count);
    }
  }

  private void step(Op op) {
    if (op.returnedRead() || op.errDep() || (op.isWrite() && op.ok())) {
      if (op.vv() == null) {
        withoutVv++;
      } else if (op.errDep()) {
        checkErrDep(op);
      } else {
        checkServed(op);
      }
    } else if (op.dropped() && op.vv() != null) {
      checkDrop(op); // without a vector the client dropped it: its server had gone
    }
    if (op.completion() != null && op.completion().readSet() != null) {
      readSet = op.completion().readSet();
      writeSet = op.completion().writeSet() == null ? Map.of() : op.completion().writeSet();
      floor = op.completion().floor() == null ? 0 : op.completion().floor();
      setsEvent = op.index();
    }
  }

  private void checkServed(Op op) {
    boolean isRead = op.isGet();
    if (isRead) {
      reads++;
    } else {
      writes++;
    }
    SessionVector.Dependency missingWrite = written.firstUncovered(op.vv());
    if (missingWrite != null) {
      report(op, isRead ? "read-your-writes" : "monotonic-writes", missingWrite,
          "the process's earlier " + Describe.writeOnly(missingWrite.op));
    }
    SessionVector.Dependency missingRead = read.firstUncovered(op.vv());
    if (missingRead != null) {
      report(op, isRead ? "monotonic-reads" : "writes-follow-reads", missingRead,
          missingRead.server + "=" + missingRead.stamp + ", which the process's earlier "
              + Describe.readOnly(missingRead.op) + " had seen");
    }
    if (isRead) {
      read.addAll(op.vv(), op);
    } else if (op.writeId() != null) {
      written.add(op.writeId().acceptor(), op.writeId().stamp(), op);
    } else {
      findings.count("writes-without-id");
    }
  }

  private void report(Op op, String kind, SessionVector.Dependency missing, String what) {
    String action = op.isGet() ? Describe.read(op) : Describe.write(op) + " was accepted"
        + Describe.at(op);
    findings.violation(kind, action + ", but the server's version vector at the reply ("
        + Vectors.entry(op.vv(), missing.server) + ") does not cover " + what + ".",
        missing.op.index(), op.index());
  }

  private void checkErrDep(Op op) {
    errDeps++;
    if (couldServe(op)) {
      findings.violation(Violation.UNJUSTIFIED_ERR_DEP, Describe.op(op) + Describe.at(op)
          + " failed with ERR_DEP although " + whyServable(op), op.index());
    }
  }

  private void checkDrop(Op op) {
    drops++;
    Long retired = retiredAt.get(op.serverName());
    boolean retiring = retired != null && retired > op.invokeIndex();
    if (!retiring && couldServe(op)) {
      findings.violation(Violation.UNJUSTIFIED_DROP, Describe.op(op) + Describe.at(op)
          + " was dropped although the server was not retiring and " + whyServable(op),
          op.index());
    }
  }

  /** Whether the server's state at the reply met the session's sets and commit floor. */
  private boolean couldServe(Op op) {
    Long commits = op.completion().commits();
    boolean floorMet = floor == 0 || (commits != null && commits >= floor);
    return floorMet && Vectors.covers(op.vv(), readSet) && Vectors.covers(op.vv(), writeSet);
  }

  private String whyServable(Op op) {
    return "the server's version vector at the reply covers the session's read set and write set"
        + (setsEvent < 0 ? " (both empty)" : " (as of event " + setsEvent + ")")
        + (floor == 0 ? "" : " and it had committed " + op.completion().commits() + " writes of"
            + " the " + floor + " the session needs") + ".";
  }
}
