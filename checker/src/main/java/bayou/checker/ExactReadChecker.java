package bayou.checker;

import bayou.history.LogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Every answered read returned the last write to its key in the serving server's log at that
 * moment, or ERR_KEY when that write is a delete or there is none. The log is rebuilt from the
 * reply's commit count and version vector ({@link ServerLogs}), so a read is judged by the exact
 * state that produced it, not by what the server claims it read from.
 */
final class ExactReadChecker implements Checker {
  @Override
  public String name() {
    return "exact-read";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    ServerLogs logs = ServerLogs.of(history);
    WriteCatalog catalog = history.writeCatalog();
    long checked = 0;
    long withoutCommits = 0;
    for (Op op : history.ops()) {
      if (!op.returnedRead() || op.vv() == null) {
        continue;
      }
      Long commits = op.completion().commits();
      if (commits == null) {
        withoutCommits++;
      } else if (commits > logs.committedKnown()) {
        findings.count("reads-beyond-known-commits");
      } else {
        checked++;
        check(op, commits, logs.lastWrite(op.key(), commits, op.vv()), logs, catalog, findings);
      }
    }
    findings.set("reads-checked", checked);
    if (withoutCommits > 0) {
      findings.set("reads-without-commit-count", withoutCommits);
      if (checked == 0) {
        findings.missingData("no answered get carries its server's commit count (a history"
            + " recorded before replies had one), so reads cannot be checked exactly");
      }
    }
    return findings.result();
  }

  private static void check(Op read, long commits, LogEntry last, ServerLogs logs,
      WriteCatalog catalog, Findings findings) {
    boolean absent = last == null || !"PUT".equals(last.op());
    if (absent ? read.errKey() : !read.errKey() && last.value().equals(read.readValue())) {
      return;
    }
    String log = "its log then (the first " + commits + " committed writes, then the tentative"
        + " writes its vector covers)";
    String expected = last == null ? "held no write to " + read.key() + ", so the answer is "
        + Op.ERR_KEY : "ends, for " + read.key() + ", with " + Describe.entry(last) + ", "
        + where(last, commits, logs) + ", so the answer is "
        + (absent ? Op.ERR_KEY : last.value());
    List<Long> events = new ArrayList<>(List.of(read.index()));
    Op lastOp = last == null ? null : catalog.acknowledged().get(last.id());
    if (lastOp != null) {
      events.add(lastOp.index());
    }
    String source = "";
    if (!read.errKey()) {
      Op put = WriteCatalog.firstWhere(catalog.puts(read.key(), read.readValue()), Op::ok);
      if (put != null) {
        source = " The value returned was written by " + Describe.write(put) + ".";
        events.add(put.index());
      }
    }
    findings.violation(read.errKey() ? "stale-err-key" : "wrong-value",
        Describe.read(read) + ", but " + log + " " + expected + "." + source,
        events.stream().mapToLong(Long::longValue).sorted().toArray());
  }

  private static String where(LogEntry entry, long commits, ServerLogs logs) {
    return logs.committedWithin(entry.id(), commits) ? "committed there" : "tentative there";
  }
}
