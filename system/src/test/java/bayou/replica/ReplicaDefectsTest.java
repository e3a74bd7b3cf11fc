package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.WriteId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each injected defect ({@code --bug}) does exactly the wrong thing its description says, and
 * nothing else: the checkers are proven against these defects, so a defect that quietly stopped
 * misbehaving would make those proofs empty. Server "<5,R>" is created at the root at stamp 5.
 */
class ReplicaDefectsTest {
  private static final Map<String, Long> NONE = Map.of();
  private static final String CHILD = "<5,R>";
  private static final Write CREATE = new Write(5, "R", Write.CREATE, CHILD, null, 1);
  /** Written at a server created after the child's last stamp: unknown to it, never retired. */
  private static final String LATE = "<40,R>";

  private static Replica child(Bug... bugs) {
    return Replica.created(Set.of(bugs), CHILD, new WriteBatch(List.of(CREATE), List.of()),
        Map.of("R", 5L, CHILD, 5L));
  }

  private static Write put(long stamp, String acceptor, String key, String value) {
    return new Write(stamp, acceptor, Write.PUT, key, value, 0);
  }

  private static WriteBatch tentative(Write... writes) {
    return new WriteBatch(List.of(), List.of(writes));
  }

  @Test
  void forgetRetiredReAddsEntriesAPeerStillLists() {
    Replica sound = Replica.root(Set.of());
    assertFalse(sound.absorbPeerVector(Map.of("R", 0L, CHILD, 7L)));
    assertEquals(Map.of("R", 0L), sound.versionVector());
    Replica buggy = Replica.root(Set.of(Bug.FORGET_RETIRED));
    assertTrue(buggy.absorbPeerVector(Map.of("R", 3L, CHILD, 7L)));
    assertEquals(Map.of("R", 0L, CHILD, 7L), buggy.versionVector(), "only what it lacked");
    assertFalse(buggy.absorbPeerVector(Map.of("R", 3L, CHILD, 9L)), "nothing new to re-add");
    assertEquals(Map.of("R", 0L, CHILD, 7L), buggy.versionVector());
  }

  @Test
  void loseWriteDropsTheFirstReceivedDataWriteButCountsItSeen() {
    Replica buggy = child(Bug.LOSE_WRITE);
    Write create = new Write(30, "R", Write.CREATE, "<30,R>", null, 0);
    Write lost = put(45, LATE, "k", "lost");
    Write kept = put(50, LATE, "k", "kept");
    assertTrue(buggy.apply(tentative(create)));
    assertTrue(buggy.apply(tentative(lost)));
    assertEquals(List.of(create), buggy.tentativeLog(), "a CREATE is not lost, the put is");
    assertEquals(45L, buggy.versionVector().get(LATE), "and it is counted as seen");
    assertFalse(buggy.apply(tentative(lost)), "so it is never taken again");
    assertTrue(buggy.apply(tentative(kept)));
    assertEquals(List.of(create, kept), buggy.tentativeLog(), "only one write is lost");
    Replica sound = child();
    sound.apply(tentative(create, lost, kept));
    assertEquals(List.of(create, lost, kept), sound.tentativeLog());
  }

  @Test
  void nonPrimaryCommitCommitsOnlyTheServersOwnWrites() {
    Replica buggy = child(Bug.NON_PRIMARY_COMMIT);
    Write own = buggy.write(Write.PUT, "k", "v", NONE, NONE, 100);
    assertEquals(new Write(100, CHILD, Write.PUT, "k", "v", 2), own);
    buggy.apply(tentative(put(45, LATE, "j", "w")));
    assertEquals(List.of(CREATE, own), buggy.committedLog());
    assertEquals(List.of(put(45, LATE, "j", "w")), buggy.tentativeLog());
    Replica sound = child();
    assertEquals(0, sound.write(Write.PUT, "k", "v", NONE, NONE, 100).csn());
  }

  @Test
  void skipRollbackAppendsALateEarlierWriteAtTheEnd() {
    Write later = put(50, "<49,R>", "k", "later");
    Write earlier = put(46, "<45,R>", "k", "earlier");
    Replica buggy = child(Bug.SKIP_ROLLBACK);
    buggy.apply(tentative(later));
    buggy.apply(tentative(earlier));
    assertEquals(List.of(later, earlier), buggy.tentativeLog());
    assertEquals("earlier", buggy.read("k", NONE, NONE).value());
    buggy.checkInvariants(); // the order check is off with the defect: it would always fire
    Replica sound = child();
    sound.apply(tentative(later));
    sound.apply(tentative(earlier));
    assertEquals(List.of(earlier, later), sound.tentativeLog());
    assertEquals("later", sound.read("k", NONE, NONE).value());
  }

  @Test
  void staleViewPatchesTheCachedDatabaseWithAWritePlacedBeforeOthers() {
    Write later = put(50, "<49,R>", "k", "later");
    Write earlier = put(46, "<45,R>", "k", "earlier");
    Replica buggy = child(Bug.STALE_VIEW);
    buggy.apply(tentative(later));
    assertEquals("later", buggy.read("k", NONE, NONE).value()); // the view is now cached
    buggy.apply(tentative(earlier));
    assertEquals(List.of(earlier, later), buggy.tentativeLog(), "the log is right");
    assertEquals("earlier", buggy.read("k", NONE, NONE).value(), "the read is not");
    Replica sound = child();
    sound.apply(tentative(later));
    sound.read("k", NONE, NONE);
    sound.apply(tentative(earlier));
    assertEquals("later", sound.read("k", NONE, NONE).value());
  }

  @Test
  void wallClockStampsIgnoreStampsReceivedFromOthers() {
    Replica buggy = Replica.root(Set.of(Bug.WALL_CLOCK_STAMPS));
    buggy.apply(tentative(put(9_000, LATE, "k", "far")));
    assertEquals(1_000, buggy.write(Write.PUT, "k", "a", NONE, NONE, 1_000).stamp(),
        "behind a write it has seen");
    assertEquals(1_001, buggy.write(Write.PUT, "k", "b", NONE, NONE, 500).stamp(),
        "still unique among its own");
    Replica sound = Replica.root(Set.of());
    sound.apply(tentative(put(9_000, LATE, "k", "far")));
    assertEquals(9_001, sound.write(Write.PUT, "k", "a", NONE, NONE, 1_000).stamp());
    assertEquals(9_002, sound.write(Write.PUT, "k", "b", NONE, NONE, 500).stamp());
  }

  @Test
  void recoverTentativeAsCommittedCommitsTheRecoveredTentativeWrites() {
    Write a = put(10, "R", "k", "a");
    Write b = put(20, CHILD, "k", "b");
    Map<String, Long> vv = Map.of("R", 10L, CHILD, 20L);
    Replica buggy = Replica.restored(Set.of(Bug.RECOVER_TENTATIVE_AS_COMMITTED), CHILD, false,
        false, vv, List.of(CREATE), List.of(a, b));
    List<Write> committed = List.of(CREATE, a.withCsn(2), b.withCsn(3));
    assertEquals(committed, buggy.committedLog());
    assertEquals(List.of(), buggy.tentativeLog());
    assertEquals(committed.subList(1, 3), buggy.drainUnsaved(), "saved again as commits");
    Replica sound = Replica.restored(Set.of(), CHILD, false, false, vv, List.of(CREATE),
        List.of(a, b));
    assertEquals(List.of(CREATE), sound.committedLog());
    assertEquals(List.of(a, b), sound.tentativeLog());
    assertEquals(List.of(), sound.drainUnsaved(), "what came from the disk is on it");
  }

  @Test
  void aRestoredServerHasItsRoleAndStampsPastEveryStampItKnows() {
    Replica restored = Replica.restored(Set.of(), CHILD, true, true,
        Map.of("R", 10L, CHILD, 70L), List.of(CREATE), List.of(put(60, "R", "k", "a")));
    assertTrue(restored.isPrimary());
    assertTrue(restored.isRetiring());
    assertEquals(Map.of("R", 10L, CHILD, 70L), restored.versionVector());
    Replica active = Replica.restored(Set.of(), CHILD, false, false,
        Map.of("R", 10L, CHILD, 70L), List.of(CREATE), List.of(put(60, "R", "k", "a")));
    assertEquals(new WriteId(71, CHILD),
        active.write(Write.PUT, "k", "b", NONE, NONE, 30).id(), "past its vector's 70");
    Replica byLog = Replica.restored(Set.of(), CHILD, false, false,
        Map.of("R", 5L, CHILD, 5L), List.of(CREATE), List.of(put(60, "R", "k", "a")));
    assertEquals(61, byLog.write(Write.PUT, "k", "b", NONE, NONE, 30).stamp(),
        "past its tentative log's 60");
    Replica byCommits = Replica.restored(Set.of(), "<80,R>", false, false, Map.of("R", 5L),
        List.of(new Write(80, "R", Write.CREATE, "<80,R>", null, 1)), List.of());
    assertEquals(81, byCommits.write(Write.PUT, "k", "b", NONE, NONE, 30).stamp(),
        "past its committed log's 80");
  }

  @Test
  void aStoredCommitOutOfCsnOrderIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Replica.restored(Set.of(), CHILD, false, false, Map.of(), List.of(CREATE,
            new Write(9, "R", Write.PUT, "k", "v", 3)), List.of()));
    assertEquals(CHILD + ": stored commit 9@R has CSN 3, expected 2", e.getMessage());
  }

  @Test
  void loseRetireDropsOnlyTheRetireesOwnLastRetire() {
    Write retire = new Write(50, CHILD, Write.RETIRE, CHILD, null, 0);
    Write other = new Write(40, CHILD, Write.RETIRE, "<7,R>", null, 0);
    Write data = put(30, CHILD, "k", "v");
    assertEquals(new WriteBatch(List.of(CREATE), List.of(data)),
        WriteBatch.withoutRetire(List.of(CREATE), List.of(data, retire)));
    assertEquals(new WriteBatch(List.of(CREATE), List.of(data)),
        WriteBatch.withoutRetire(List.of(CREATE, retire.withCsn(2)), List.of(data)),
        "a committed RETIRE, when the retiree was the primary");
    assertEquals(new WriteBatch(List.of(), List.of(retire, data)),
        WriteBatch.withoutRetire(List.of(), List.of(retire, data)), "only the last write");
    assertEquals(new WriteBatch(List.of(), List.of(data, other)),
        WriteBatch.withoutRetire(List.of(), List.of(data, other)), "another server's RETIRE");
    assertEquals(new WriteBatch(List.of(), List.of()),
        WriteBatch.withoutRetire(List.of(), List.of()));
    assertTrue(new WriteBatch(List.of(), List.of()).isEmpty());
    assertFalse(new WriteBatch(List.of(CREATE), List.of()).isEmpty());
    assertFalse(new WriteBatch(List.of(), List.of(data)).isEmpty());
  }
}
