package bayou.checker;

import static bayou.checker.Fixture.c;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.history.LogEntry;
import bayou.history.SharedPrefixList;
import bayou.history.SnapshotEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class StablePrefixCheckerTest {
  private static final String S = "<5,R>";
  private final Checker checker = new StablePrefixChecker();

  @Test
  void prefixesThatGrowAreValid() {
    Fixture h = new Fixture();
    h.snapshot(S, "stabilize", false, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    h.snapshot("R", "stabilize", true, List.of(c(1, 10, "R", "k", "a"), c(2, 11, S, "j", "b")),
        List.of(), vv("R", 11, S, 11));
    h.snapshot(S, "final", false, List.of(c(1, 10, "R", "k", "a"), c(2, 11, S, "j", "b")),
        List.of(), vv("R", 11, S, 11));
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(2L, result.counts().get("longest-committed"));
  }

  @Test
  void aCommitThatDivergesFromTheLongestIsInvalid() {
    Fixture h = new Fixture();
    long longest = h.snapshot("R", "stabilize", true,
        List.of(c(1, 10, "R", "k", "a"), c(2, 11, S, "j", "b")), List.of(), vv("R", 11));
    long divergent = h.snapshot(S, "printLog", false, List.of(c(1, 11, S, "j", "b")), List.of(),
        vv("R", 11));
    Expect.invalid(checker.check(h.history()), "divergent-commit", divergent, longest);
  }

  @Test
  void aCommittedSequenceThatShrinksIsInvalid() {
    Fixture h = new Fixture();
    long before = h.snapshot("R", "stabilize", true,
        List.of(c(1, 10, "R", "k", "a"), c(2, 11, "R", "j", "b")), List.of(), vv("R", 11));
    long after = h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(),
        vv("R", 11));
    Expect.invalid(checker.check(h.history()), "commit-shrunk", before, after);
  }

  @Test
  void aCsnGapIsInvalid() {
    Fixture h = new Fixture();
    long snapshot = h.snapshot("R", "final", true,
        List.of(c(1, 10, "R", "k", "a"), c(3, 11, "R", "j", "b")), List.of(), vv("R", 11));
    Expect.invalid(checker.check(h.history()), "csn-mismatch", snapshot);
  }

  /**
   * One server's snapshots extend one shared list, as a history read back gives them: each
   * entry is compared once, and what was found in an earlier pass counts for later snapshots.
   */
  @Test
  void snapshotsSharingOneListAreJudgedAsIfEachWereWhole() {
    List<LogEntry> longest = List.of(c(1, 10, "R", "k", "a"), c(2, 11, "R", "j", "b"),
        c(3, 12, "R", "k", "c"), c(4, 13, "R", "k", "d"));
    Fixture h = new Fixture();
    h.snapshot("R", "final", true, longest, List.of(), vv("R", 13));
    List<LogEntry> first = SharedPrefixList.extend(List.of(), 0, longest.subList(0, 1));
    long agrees = h.snapshot(S, "periodic", false, first, List.of(), vv("R", 10));
    // the same list, extended by a write that is not the longest log's second
    List<LogEntry> second = SharedPrefixList.extend(first, 1, List.of(c(2, 12, "R", "k", "c")));
    long diverges = h.snapshot(S, "periodic", false, second, List.of(), vv("R", 12));
    List<LogEntry> third = SharedPrefixList.extend(second, 2, List.of(c(3, 13, "R", "k", "d")));
    long stillDiverges = h.snapshot(S, "final", false, third, List.of(), vv("R", 13));
    History history = h.history();
    CommitPrefix prefix = history.commitPrefix();
    List<SnapshotEvent> snapshots = history.snapshots();
    int[] at = new int[4];
    for (int i = 0; i < snapshots.size(); i++) {
      at[i] = prefix.mismatchAt(i);
    }
    assertEquals(List.of(-1, -1, 1, 1), java.util.Arrays.stream(at).boxed().toList());
    assertEquals(true, SharedPrefixList.backing(snapshots.get(1).committed())
        == SharedPrefixList.backing(snapshots.get(3).committed()), "snapshots keep the sharing");
    CheckResult result = checker.check(history);
    assertEquals(2L, result.counts().get("divergent-commit"), result.toString());
    assertEquals(List.of(diverges, stillDiverges), result.violations().stream()
        .filter(v -> v.kind().equals("divergent-commit")).map(v -> v.eventIndices().get(0)).toList());
    assertEquals(true, agrees >= 0);
  }

  @Test
  void aCsnGapInASharedListCountsForEverySnapshotThatHoldsIt() {
    Fixture h = new Fixture();
    List<LogEntry> first = SharedPrefixList.extend(List.of(), 0,
        List.of(c(1, 10, "R", "k", "a"), c(3, 11, "R", "j", "b")));
    long gap = h.snapshot("R", "periodic", true, first, List.of(), vv("R", 11));
    List<LogEntry> longer = SharedPrefixList.extend(first, 2, List.of(c(4, 12, "R", "k", "c")));
    long later = h.snapshot("R", "final", true, longer, List.of(), vv("R", 12));
    CommitPrefix prefix = h.history().commitPrefix();
    assertEquals(1, prefix.csnMismatchAt(0));
    assertEquals(1, prefix.csnMismatchAt(1));
    assertEquals(2L, checker.check(h.history()).counts().get("csn-mismatch"));
    assertEquals(true, later > gap);
  }

  @Test
  void noSnapshotsIsUnknown() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", Fixture.id(10, "R"), vv("R", 10));
    Expect.unknown(checker.check(h.history()), Violation.MISSING_DATA);
  }
}
