package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replica driven directly: no sockets, time passed in by hand. */
class ReplicaTest {
  private static final Map<String, Long> NONE = Map.of();
  private long now = 1_000;

  private Replica create(Replica at) {
    String name = at.acceptCreate(now += 10);
    return Replica.created(Set.of(), name, at.fullLog(), at.versionVector());
  }

  /** One anti-entropy session: {@code to} pulls what it lacks from {@code from}. */
  private static void exchange(Replica from, Replica to) {
    to.apply(from.missingAt(to.versionVector(), to.committedCount()));
    to.checkInvariants();
  }

  private static List<String> lines(Replica replica) {
    return java.util.stream.Stream.concat(replica.committedLog().stream(),
            replica.tentativeLog().stream())
        .filter(Write::isData).map(Write::courseLine).toList();
  }

  /** The running byte sums must equal a pass over any run of the committed log. */
  @Test
  void committedBytesAreTheSumOfTheWritesSizes() {
    Replica primary = Replica.root(Set.of());
    create(primary);
    for (int i = 0; i < 150; i++) { // past the sums' first growth
      primary.write(Write.PUT, "song" + i, "url".repeat(i % 7), NONE, NONE, now += 10);
    }
    List<Write> committed = primary.committedLog();
    int n = committed.size();
    for (int[] run : new int[][] {{0, 0}, {0, 1}, {0, n}, {1, 77}, {77, n}, {n, n}}) {
      long expected = committed.subList(run[0], run[1]).stream()
          .mapToLong(Write::estimatedBytes).sum();
      assertEquals(expected, primary.committedBytes(run[0], run[1]), run[0] + ".." + run[1]);
    }
    assertThrows(IndexOutOfBoundsException.class, () -> primary.committedBytes(0, n + 1));
    assertThrows(IndexOutOfBoundsException.class, () -> primary.committedBytes(2, 1));
  }

  @Test
  void primaryCommitsWhatItAcceptsAndReceivesInArrivalOrder() {
    Replica primary = Replica.root(Set.of());
    Replica other = create(primary);
    primary.write(Write.PUT, "song", "a", NONE, NONE, now += 10);
    other.write(Write.PUT, "song", "b", NONE, NONE, now += 10);
    assertEquals(List.of("PUT:(song, b):FALSE"), lines(other));
    exchange(other, primary);
    exchange(primary, other);
    assertEquals(List.of("PUT:(song, a):TRUE", "PUT:(song, b):TRUE"), lines(other));
    assertEquals("b", other.read("song", NONE, NONE).value());
  }

  /**
   * Found by a clean 60-s campaign (seed 110): a server that dropped a retiree from its vector
   * held the retiree's RETIRE tentatively, the primary still listed the retiree, and by vector
   * comparison neither lacked anything, so the RETIRE was never committed.
   */
  @Test
  void aVectorThatStillListsARetireeLacksItsRetirement() {
    Replica primary = Replica.root(Set.of());
    Replica heir = create(primary);
    Replica retiree = create(primary);
    exchange(primary, heir);
    retiree.retire(now += 10);
    heir.apply(retiree.fullLog()); // the hand-off: the heir drops the retiree from its vector
    assertTrue(heir.peerLacks(primary.versionVector(), primary.committedCount()));
    assertTrue(primary.lacksFrom(heir.versionVector(), heir.committedCount()));
    exchange(heir, primary);
    exchange(primary, heir);
    assertFalse(heir.peerLacks(primary.versionVector(), primary.committedCount()));
    assertFalse(primary.lacksFrom(heir.versionVector(), heir.committedCount()));
    assertEquals(0, heir.tentativeCount(), "the primary committed the RETIRE");
  }

  @Test
  void tentativeWritesOrderByStampWhateverTheArrivalOrder() {
    Replica primary = Replica.root(Set.of());
    Replica a = create(primary);
    Replica b = create(primary);
    Replica c = create(primary);
    exchange(primary, a);
    exchange(primary, b);
    exchange(primary, c);
    a.write(Write.PUT, "k", "first", NONE, NONE, now += 10);
    b.write(Write.PUT, "k", "second", NONE, NONE, now += 10);
    exchange(b, c); // c sees the later write first, then must roll back and replay
    exchange(a, c);
    assertEquals(List.of("PUT:(k, first):FALSE", "PUT:(k, second):FALSE"), lines(c));
    assertEquals("second", c.read("k", NONE, NONE).value());
  }

  @Test
  void readsAnswerErrDepBeforeLookingAtTheKey() {
    Replica primary = Replica.root(Set.of());
    Replica other = create(primary);
    Write written = primary.write(Write.PUT, "a", "1", NONE, NONE, now += 10);
    Map<String, Long> writeSet = primary.versionVector();
    ReadResult read = other.read("missing", NONE, writeSet);
    assertEquals(ReadResult.ERR_DEP, read.error());
    assertNull(other.write(Write.PUT, "b", "2", NONE, writeSet, now += 10), "MW must drop");
    assertNull(other.write(Write.PUT, "b", "2", writeSet, NONE, now += 10), "WFR must drop");
    exchange(primary, other);
    assertEquals(ReadResult.ERR_KEY, other.read("missing", NONE, writeSet).error());
    assertEquals(written.id(), other.read("a", NONE, writeSet).readFrom());
  }

  @Test
  void deleteMakesErrKeyAndNamesTheDelete() {
    Replica primary = Replica.root(Set.of());
    primary.write(Write.PUT, "a", "1", NONE, NONE, now += 10);
    Write delete = primary.write(Write.DELETE, "a", null, NONE, NONE, now += 10);
    ReadResult read = primary.read("a", NONE, NONE);
    assertEquals(ReadResult.ERR_KEY, read.error());
    assertEquals(delete.id(), read.readFrom());
  }

  /** The handout's kicker: B drops retired R, then exchanges with A, and must not re-add R. */
  @Test
  void retiredServerIsNotReAddedByCompleteV() {
    Replica p = Replica.root(Set.of());
    Replica a = create(p);
    Replica b = create(p);
    Replica r = create(p);
    exchange(p, a);
    exchange(p, b);
    r.write(Write.PUT, "x", "1", NONE, NONE, now += 10);
    r.write(Write.PUT, "y", "2", NONE, NONE, now += 10);
    exchange(r, a); // R gossips its writes to A
    r.retire(now += 10);
    b.apply(r.fullLog()); // R hands everything, RETIRE included, to B
    assertFalse(b.versionVector().containsKey(r.name()), "B drops R on its RETIRE");
    assertTrue(a.versionVector().containsKey(r.name()));
    exchange(a, b); // the kicker: A still lists R
    assertFalse(b.versionVector().containsKey(r.name()), "B must not re-add R");
    exchange(b, a);
    assertFalse(a.versionVector().containsKey(r.name()), "A learns of the retirement from B");
    assertEquals(lines(a), lines(b));
  }

  @Test
  void newPrimaryCommitsItsTentativeWritesOnHandOff() {
    Replica p = Replica.root(Set.of());
    Replica b = create(p);
    exchange(p, b);
    b.write(Write.PUT, "k", "v", NONE, NONE, now += 10);
    assertEquals(1, b.tentativeCount());
    p.retire(now += 10);
    b.apply(p.fullLog());
    b.becomePrimary();
    assertEquals(0, b.tentativeCount());
    assertTrue(lines(b).contains("PUT:(k, v):TRUE"));
    b.write(Write.PUT, "k", "w", NONE, NONE, now += 10);
    assertEquals("PUT:(k, w):TRUE", lines(b).get(lines(b).size() - 1));
    b.checkInvariants();
  }

  @Test
  void retiringServerDropsClientWrites() {
    Replica p = Replica.root(Set.of());
    Replica b = create(p);
    b.retire(now += 10);
    assertNull(b.write(Write.PUT, "k", "v", NONE, NONE, now += 10));
  }

  @Test
  void stampsFollowRealTimeAcrossServersOfOnePartition() {
    Replica p = Replica.root(Set.of());
    Replica a = create(p);
    Replica b = create(p);
    Write first = b.write(Write.PUT, "k", "1", NONE, NONE, now += 10);
    Write second = a.write(Write.PUT, "k", "2", NONE, NONE, now += 10);
    assertTrue(first.id().compareTo(second.id()) < 0);
  }

  @Test
  void duplicatesAndStaleBatchesChangeNothing() {
    Replica p = Replica.root(Set.of());
    Replica a = create(p);
    p.write(Write.PUT, "k", "1", NONE, NONE, now += 10);
    WriteBatch batch = p.missingAt(a.versionVector(), a.committedCount());
    assertTrue(a.apply(batch));
    assertFalse(a.apply(batch));
    assertEquals(p.digest(), a.digest());
    a.checkInvariants();
  }

  /** A server's own CREATE write is in its vector, so a peer never hands it back as new. */
  @Test
  void createWriteIsNeverCommittedTwiceAfterAHandOff() {
    Replica p = Replica.root(Set.of());
    Replica a = create(p);
    exchange(p, a);
    Replica x = create(a); // accepted at a, tentative there
    exchange(a, p); // the primary commits CREATE(x)
    p.retire(now += 10);
    a.apply(p.fullLog());
    a.becomePrimary();
    exchange(x, a); // x still holds CREATE(x) tentative; a must know it has it
    long creates = a.committedLog().stream().filter(w -> w.op().equals(Write.CREATE)
        && w.key().equals(x.name())).count();
    assertEquals(1, creates);
    a.checkInvariants();
  }

  /** A retired server's CREATE, delivered again, does not bring the server back. */
  @Test
  void duplicateCreateDoesNotReAddARetiredServer() {
    Replica p = Replica.root(Set.of());
    Replica r = create(p);
    WriteBatch withCreate = p.fullLog();
    r.retire(now += 10);
    p.apply(r.fullLog());
    assertFalse(p.versionVector().containsKey(r.name()));
    Replica fresh = Replica.root(Set.of());
    fresh.apply(withCreate);
    p.apply(new WriteBatch(List.of(), withCreate.committed()));
    assertFalse(p.versionVector().containsKey(r.name()));
  }

  /** A server created at a non-primary gets the creator's tentative writes, its own CREATE too. */
  @Test
  void newServerHoldsTheCreatorsTentativeWrites() {
    Replica p = Replica.root(Set.of());
    Replica a = create(p);
    exchange(p, a);
    a.write(Write.PUT, "k", "v", NONE, NONE, now += 10);
    Replica x = create(a);
    assertEquals(a.tentativeCount(), x.tentativeCount());
    assertTrue(x.tentativeLog().stream().anyMatch(w -> w.op().equals(Write.CREATE)
        && w.key().equals(x.name())));
    assertEquals("v", x.read("k", NONE, NONE).value());
    x.checkInvariants();
  }

  /** The root lists itself from the start: a vector without R would read as R retired. */
  @Test
  void theRootStartsAsThePrimaryWithItselfInItsVector() {
    Replica root = Replica.root(Set.of());
    assertEquals(Map.of("R", 0L), root.versionVector());
    assertTrue(root.isPrimary());
    assertFalse(root.isRetiring());
    assertEquals(0, root.committedCount());
    Replica other = create(root);
    assertFalse(other.isPrimary());
    other.retire(now += 10);
    assertTrue(other.isRetiring());
  }

  /** apply says whether anything changed: the changed flag is what triggers gossip. */
  @Test
  void applyReportsNewTentativeWritesOnce() {
    Replica p = Replica.root(Set.of());
    Replica a = create(p);
    Replica b = create(p);
    exchange(p, a);
    exchange(p, b);
    a.write(Write.PUT, "k", "v", NONE, NONE, now += 10);
    WriteBatch batch = a.missingAt(b.versionVector(), b.committedCount());
    assertEquals(List.of(), batch.committed());
    assertEquals(1, batch.tentative().size());
    assertTrue(b.apply(batch));
    assertFalse(b.apply(batch), "held already");
    assertEquals(a.digest(), b.digest());
    assertEquals(1, b.tentativeCount());
  }

  /** A commit that leaves a gap cannot be placed; the rest of its batch waits too. */
  @Test
  void aCommitAfterAGapIsNotApplied() {
    Replica p = Replica.root(Set.of());
    Replica a = create(p);
    p.write(Write.PUT, "k", "1", NONE, NONE, now += 10);
    p.write(Write.PUT, "k", "2", NONE, NONE, now += 10);
    List<Write> commits = p.missingAt(a.versionVector(), a.committedCount()).committed();
    assertEquals(2, commits.size());
    assertFalse(a.apply(new WriteBatch(List.of(commits.get(1)), List.of())));
    assertEquals(1, a.committedCount(), "only its CREATE");
    assertTrue(a.apply(new WriteBatch(commits, List.of())));
    assertEquals("2", a.read("k", NONE, NONE).value());
    a.checkInvariants();
  }

  /** A batch computed on a stale guess starts with commits already held; the rest still count. */
  @Test
  void heldCommitsAtTheStartOfABatchDoNotStopTheRest() {
    Replica p = Replica.root(Set.of());
    Replica a = create(p);
    p.write(Write.PUT, "k", "1", NONE, NONE, now += 10);
    WriteBatch stale = p.missingAt(Map.of(), 0); // CREATE(a), which a holds, then a put
    assertEquals(2, stale.committed().size());
    assertTrue(a.apply(stale));
    assertEquals("1", a.read("k", NONE, NONE).value());
  }

  /** The cached database patched on append must be rebuilt when a write lands before others. */
  @Test
  void aReadAfterAnEarlierWriteArrivesSeesTheRolledBackOrder() {
    Replica primary = Replica.root(Set.of());
    Replica a = create(primary);
    Replica b = create(primary);
    Replica c = create(primary);
    exchange(primary, a);
    exchange(primary, b);
    exchange(primary, c);
    a.write(Write.PUT, "k", "first", NONE, NONE, now += 10);
    b.write(Write.PUT, "k", "second", NONE, NONE, now += 10);
    b.write(Write.PUT, "j", "j1", NONE, NONE, now += 10);
    exchange(b, c);
    assertEquals("second", c.read("k", NONE, NONE).value()); // the view is cached now
    c.write(Write.PUT, "j", "j2", NONE, NONE, now += 10); // appended: patched in place
    assertEquals("j2", c.read("j", NONE, NONE).value());
    exchange(a, c); // "first" lands before "second"
    assertEquals("second", c.read("k", NONE, NONE).value());
    assertEquals("j2", c.read("j", NONE, NONE).value());
  }

  /** A stamp is past every stamp seen, even when the clock reads earlier. */
  @Test
  void aSlowClockStillStampsPastTheLastWrite() {
    Replica p = Replica.root(Set.of());
    Write first = p.write(Write.PUT, "k", "1", NONE, NONE, 5_000);
    Write second = p.write(Write.PUT, "k", "2", NONE, NONE, 4_000);
    assertEquals(5_001, second.stamp());
    assertTrue(first.id().compareTo(second.id()) < 0);
    Write retire = p.retire(3_000);
    assertEquals(new Write(5_002, "R", Write.RETIRE, "R", null, 3), retire);
  }

  /** A vector that misses a held tentative write breaks the invariants. */
  @Test
  void theVectorMustCoverHeldTentativeWrites() {
    Replica p = Replica.root(Set.of());
    Replica a = create(p);
    exchange(p, a);
    a.write(Write.PUT, "k", "v", NONE, NONE, now += 10);
    Map<String, Long> blind = new java.util.HashMap<>(a.versionVector());
    blind.put(a.name(), Names.createStamp(a.name())); // before a's put
    Replica copy = Replica.created(Set.of(), a.name(), a.fullLog(), blind);
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, copy::checkInvariants);
    assertTrue(e.getMessage().contains("misses held write"), e.getMessage());
  }

  /**
   * A server names the session's retirees whose RETIRE it has committed, with that CSN, and a
   * session that asks for that many commits is served only by a server holding them: one that
   * holds the retiree's writes only tentatively could still lack its commits.
   */
  @Test
  void aCommittedRetirementStandsInForTheRetireesEntry() {
    Replica primary = Replica.root(Set.of());
    Replica retiree = create(primary);
    Replica lagging = create(primary);
    Write put = retiree.write(Write.PUT, "song", "a", NONE, NONE, now += 10);
    Map<String, Long> session = Map.of(retiree.name(), put.stamp());
    assertNull(primary.committedRetirements(session, NONE), "nothing retired yet");
    retiree.retire(now += 10);
    lagging.apply(retiree.fullLog()); // the hand-off: held tentatively, nothing committed
    primary.apply(lagging.fullLog());
    Map<String, Long> found = primary.committedRetirements(NONE, session);
    assertEquals(Map.of(retiree.name(), primary.committedCount()), found,
        "the RETIRE is the primary's last commit");
    long floor = found.get(retiree.name());
    assertNull(lagging.committedRetirements(session, NONE), "not committed at the heir");
    assertEquals("a", lagging.read("song", session, NONE).value(), "by the retiree's entry");
    assertEquals(ReadResult.ERR_DEP, lagging.read("song", NONE, NONE, floor).error(),
        "the floor asks for commits the heir lacks");
    assertNull(lagging.write(Write.PUT, "song", "b", NONE, NONE, floor, now += 10));
    assertEquals("a", primary.read("song", NONE, NONE, floor).value());
    exchange(primary, lagging);
    assertEquals("a", lagging.read("song", NONE, NONE, floor).value());
  }
}
