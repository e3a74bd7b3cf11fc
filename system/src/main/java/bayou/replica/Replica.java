package bayou.replica;

import bayou.history.WriteId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Bayou server's state and protocol, with no sockets, threads or clocks inside: time arrives
 * as an argument (microseconds), messages arrive as method calls, and what to send comes back as
 * values. The node process around it does the I/O; unit tests drive it directly.
 *
 * <p>The log is the committed writes in CSN order followed by the tentative writes in (stamp,
 * acceptor) order; the database is that log replayed.
 */
public final class Replica {
  private final Set<Bug> bugs;
  private String name;
  private long clockMicros;
  private boolean primary;
  private boolean retiring;
  private boolean lostOneWrite;
  private final VersionVector vv = new VersionVector();
  private final List<Write> committed = new ArrayList<>();
  /**
   * The running sums of the committed writes' {@link Write#estimatedBytes} ({@code [i]}: of
   * the first {@code i}): how much of a log fits one message is known without a pass over it.
   */
  private long[] committedBytes = new long[64];
  private final List<Write> tentative = new ArrayList<>();
  private final Map<WriteId, Write> tentativeById = new HashMap<>();
  private final Map<String, Write> committedDb = new HashMap<>();
  /**
   * Retired servers whose RETIRE is committed here, with its CSN. A server's writes reach the
   * primary in stamp order and its RETIRE is its last, so all of them are committed by then.
   */
  private final Map<String, Long> retiredAt = new HashMap<>();
  private Map<String, Write> view; // committedDb overlaid with the tentative writes; null if stale
  private final LogDigest digest = new LogDigest();
  /** The first commit received that contradicts a held one, as an invariant violation. */
  private String conflictingCommit;
  /** Committed writes already checked (they never change), and their recounted hash. */
  private int checkedCommitted;
  private long recountedCommittedHash = LogDigest.EMPTY_COMMITTED;
  /** Changes to the tentative part, and what it and the vector were when last checked. */
  private long tentativeChanges;
  private long checkedTentativeChanges = -1;
  private long checkedVectorChanges = -1;
  /** Writes stored (committed or tentative) since the driver last took them to stable storage. */
  private final List<Write> unsaved = new ArrayList<>();

  private Replica(Set<Bug> bugs) {
    this.bugs = Set.copyOf(bugs);
  }

  /** The first server of a system: the root name and the primary role. */
  public static Replica root(Set<Bug> bugs) {
    Replica replica = new Replica(bugs);
    replica.name = Names.ROOT;
    replica.primary = true;
    replica.vv.advance(Names.ROOT, 0);
    return replica;
  }

  /**
   * A server created at another starts as a copy of the creator's state: its log, which holds
   * the new server's CREATE, and its version vector, which covers exactly that log.
   */
  public static Replica created(Set<Bug> bugs, String name, WriteBatch creatorLog,
      Map<String, Long> creatorVv) {
    Replica replica = new Replica(bugs);
    replica.name = name;
    replica.vv.mergeFrom(creatorVv);
    for (Write write : creatorLog.committed()) {
      replica.appendCommitted(write);
      replica.clockMicros = Math.max(replica.clockMicros, write.stamp());
    }
    for (Write write : creatorLog.tentative()) {
      replica.insertTentative(write);
      replica.clockMicros = Math.max(replica.clockMicros, write.stamp());
    }
    replica.clockMicros = Math.max(replica.clockMicros, Names.createStamp(name));
    return replica;
  }

  /**
   * A server brought back from its stable storage after a crash: its name, role, vector and
   * the writes it had stored. The hybrid clock resumes past every stamp it holds, so a write
   * accepted after the restart is ordered after everything it had seen, whatever the wall
   * clock says. With the recover-tentative-as-committed bug, the tentative writes come back
   * committed, in log order, as if this server had been the primary.
   */
  public static Replica restored(Set<Bug> bugs, String name, boolean primary, boolean retiring,
      Map<String, Long> vector, List<Write> committedLog, List<Write> tentativeLog) {
    Replica replica = new Replica(bugs);
    replica.name = name;
    replica.primary = primary;
    replica.retiring = retiring;
    replica.vv.mergeFrom(vector);
    for (Write write : committedLog) {
      if (write.csn() != replica.committed.size() + 1) {
        throw new IllegalArgumentException(name + ": stored commit " + write.id() + " has CSN "
            + write.csn() + ", expected " + (replica.committed.size() + 1));
      }
      replica.appendCommitted(write);
      replica.clockMicros = Math.max(replica.clockMicros, write.stamp());
    }
    replica.unsaved.clear(); // what came from the disk is on it
    boolean commitTentative = bugs.contains(Bug.RECOVER_TENTATIVE_AS_COMMITTED);
    for (Write write : tentativeLog) {
      if (commitTentative) {
        replica.appendCommitted(write);
      } else {
        replica.insertTentative(write);
      }
      replica.clockMicros = Math.max(replica.clockMicros, write.stamp());
    }
    for (long stamp : vector.values()) {
      replica.clockMicros = Math.max(replica.clockMicros, stamp);
    }
    if (!commitTentative) {
      replica.unsaved.clear(); // the tentative writes are on disk as they were
    }
    return replica;
  }

  /**
   * The writes stored since the last call, committed ones with their CSN and tentative ones
   * without, in the order they were stored: the driver appends them to stable storage.
   */
  public List<Write> drainUnsaved() {
    List<Write> drained = List.copyOf(unsaved);
    unsaved.clear();
    return drained;
  }

  public String name() {
    return name;
  }

  public boolean isPrimary() {
    return primary;
  }

  public boolean isRetiring() {
    return retiring;
  }

  public Map<String, Long> versionVector() {
    return vv.toMap();
  }

  public long committedCount() {
    return committed.size();
  }

  public int tentativeCount() {
    return tentative.size();
  }

  // ---- client requests

  /** A get for a session with no commit floor. */
  public ReadResult read(String key, Map<String, Long> readSet, Map<String, Long> writeSet) {
    return read(key, readSet, writeSet, 0);
  }

  /**
   * A get under the session guarantees: ERR_DEP is decided before the key is looked up. The
   * session depends on its read and write sets and on the first {@code floor} commits.
   */
  public ReadResult read(String key, Map<String, Long> readSet, Map<String, Long> writeSet,
      long floor) {
    boolean floorMet = committed.size() >= floor;
    boolean readYourWrites = bugs.contains(Bug.SKIP_RYW) || (floorMet && vv.covers(writeSet));
    boolean monotonicReads = bugs.contains(Bug.SKIP_MR) || (floorMet && vv.covers(readSet));
    if (!readYourWrites || !monotonicReads) {
      return ReadResult.errDep(vv.toMap());
    }
    Write last = view().get(key);
    return ReadResult.of(last, vv.toMap());
  }

  /**
   * A put or delete under the session guarantees. Returns the accepted write, or null when the
   * write is dropped (monotonic writes or writes-follow-reads not met, or this server retiring).
   */
  public Write write(String op, String key, String value, Map<String, Long> readSet,
      Map<String, Long> writeSet, long nowMicros) {
    return write(op, key, value, readSet, writeSet, 0, nowMicros);
  }

  /** A put or delete for a session that also needs the first {@code floor} commits. */
  public Write write(String op, String key, String value, Map<String, Long> readSet,
      Map<String, Long> writeSet, long floor, long nowMicros) {
    if (!op.equals(Write.PUT) && !op.equals(Write.DELETE)) {
      throw new IllegalArgumentException("clients may only PUT or DELETE, not " + op);
    }
    boolean floorMet = committed.size() >= floor;
    boolean monotonicWrites = bugs.contains(Bug.SKIP_MW) || (floorMet && vv.covers(writeSet));
    boolean writesFollowReads = bugs.contains(Bug.SKIP_WFR) || (floorMet && vv.covers(readSet));
    if (retiring || !monotonicWrites || !writesFollowReads) {
      return null;
    }
    return accept(op, key, value, nowMicros);
  }

  /**
   * The servers of a session's sets that retired with their RETIRE committed here, each with
   * that CSN, sorted; null if none. The session may replace each one's entry by a floor of that
   * many commits: every server holding them holds all the retiree's writes, so the sets stop
   * growing with every server that ever retired.
   */
  public Map<String, Long> committedRetirements(Map<String, Long> readSet,
      Map<String, Long> writeSet) {
    if (retiredAt.isEmpty()) {
      return null;
    }
    java.util.TreeMap<String, Long> found = null;
    for (Map<String, Long> set : List.of(readSet, writeSet)) {
      for (String server : set.keySet()) {
        Long csn = retiredAt.get(server);
        if (csn != null) {
          if (found == null) {
            found = new java.util.TreeMap<>();
          }
          found.put(server, csn);
        }
      }
    }
    return found;
  }

  // ---- creation and retirement

  /** Accepts the CREATE write of a new server and returns the new server's name. */
  public String acceptCreate(long nowMicros) {
    long stamp = tick(nowMicros);
    String child = Names.child(stamp, name);
    vv.advance(name, stamp); // this server has seen its own write: no peer sends it back
    vv.advance(child, stamp);
    store(new Write(stamp, name, Write.CREATE, child, null, 0));
    return child;
  }

  /**
   * Writes this server's RETIRE (committed here if this is the primary); from now on it accepts
   * no client writes and is no primary: the caller hands the role on with the log.
   */
  public Write retire(long nowMicros) {
    retiring = true;
    Write retire = accept(Write.RETIRE, name, null, nowMicros);
    // A retiring primary hands its role to its heir with its log: from here on it must commit
    // nothing, or it and the heir give the same CSNs to different writes. A 30-minute soak
    // found this: a hand-off reported failed was resent and arrived, and both were primaries.
    primary = false;
    return retire;
  }

  /** Takes over the primary role: every tentative write is committed in log order. */
  public void becomePrimary() {
    primary = true;
    List<Write> pending = new ArrayList<>(tentative);
    tentative.clear();
    tentativeChanges++;
    tentativeById.clear();
    digest.clearTentative();
    pending.forEach(this::appendCommitted);
  }

  // ---- anti-entropy

  /** The whole log, for a new server or a retirement hand-off. */
  public WriteBatch fullLog() {
    return new WriteBatch(List.copyOf(committed), List.copyOf(tentative));
  }

  /**
   * The sum of {@link Write#estimatedBytes} over the committed writes at positions
   * {@code [from, to)}, without a pass over them.
   */
  public long committedBytes(int from, int to) {
    if (from < 0 || from > to || to > committed.size()) {
      throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + committed.size()
          + " commits");
    }
    return committedBytes[to] - committedBytes[from];
  }

  /** What a peer with this vector and commit count lacks: commits, then tentative writes. */
  public WriteBatch missingAt(Map<String, Long> peerStamps, long peerCommitted) {
    VersionVector peer = VersionVector.readOnly(peerStamps);
    int from = (int) Math.min(peerCommitted, committed.size());
    List<Write> commits = List.copyOf(committed.subList(from, committed.size()));
    List<Write> writes = new ArrayList<>();
    for (Write write : tentative) {
      if (!peer.contains(write.id())) {
        writes.add(write);
      }
    }
    return new WriteBatch(commits, writes);
  }

  /** Whether a peer with this vector and commit count knows something this server does not. */
  public boolean lacksFrom(Map<String, Long> peerStamps, long peerCommitted) {
    return peerCommitted > committed.size() || !vv.covers(peerStamps)
        || VersionVector.readOnly(peerStamps).knowsRetiredListedBy(vv);
  }

  /** Whether a peer with this vector and commit count lacks something this server has. */
  public boolean peerLacks(Map<String, Long> peerStamps, long peerCommitted) {
    VersionVector peer = VersionVector.readOnly(peerStamps);
    return peerCommitted < committed.size() || !peer.coversVector(vv)
        || vv.knowsRetiredListedBy(peerStamps);
  }

  /** With the forget-retired bug, a server re-adds the entries a peer still lists. */
  public boolean absorbPeerVector(Map<String, Long> peerStamps) {
    if (!bugs.contains(Bug.FORGET_RETIRED)) {
      return false;
    }
    boolean changed = false;
    for (Map.Entry<String, Long> entry : peerStamps.entrySet()) {
      if (!vv.has(entry.getKey()) && !entry.getKey().equals(name)) {
        vv.advance(entry.getKey(), entry.getValue());
        changed = true;
      }
    }
    return changed;
  }

  /** Applies writes from a peer; returns whether anything changed. */
  public boolean apply(WriteBatch batch) {
    boolean changed = false;
    for (Write write : batch.committed()) {
      int outcome = receiveCommitted(write);
      if (outcome < 0) {
        break; // a gap: the rest cannot be placed yet; a later exchange brings it
      }
      changed |= outcome > 0;
    }
    for (Write write : batch.tentative()) {
      changed |= receiveTentative(write);
    }
    return changed;
  }

  private int receiveCommitted(Write write) {
    if (write.csn() <= committed.size()) {
      Write held = committed.get((int) write.csn() - 1);
      if (!held.id().equals(write.id()) && conflictingCommit == null) {
        conflictingCommit = name + ": received CSN " + write.csn() + " as " + write.id()
            + ", but holds " + held.id() + " there";
      }
      return 0;
    }
    if (write.csn() != committed.size() + 1) {
      return -1;
    }
    Write held = tentativeById.remove(write.id());
    if (held != null) {
      tentative.remove(held);
      tentativeChanges++;
      digest.removeTentative(held.id());
    } else {
      observe(write);
    }
    appendCommitted(write);
    return 1;
  }

  private boolean receiveTentative(Write write) {
    if (tentativeById.containsKey(write.id()) || vv.contains(write.id())) {
      return false;
    }
    if (bugs.contains(Bug.LOSE_WRITE) && !lostOneWrite && write.isData()) {
      lostOneWrite = true;
      vv.advance(write.acceptor(), write.stamp()); // counted as seen, so never sent again
      return true;
    }
    observe(write);
    store(write.withCsn(0));
    return true;
  }

  /** Learns what a newly received write says about the system: clocks, members, retirements. */
  private void observe(Write write) {
    clockMicros = Math.max(clockMicros, write.stamp());
    boolean unseen = vv.complete(write.acceptor()) < write.stamp();
    if (write.op().equals(Write.CREATE) && unseen && !vv.has(write.key())) {
      vv.advance(write.key(), write.stamp()); // a new server; never one that has retired
    }
    if (vv.complete(write.acceptor()) != VersionVector.RETIRED) {
      vv.advance(write.acceptor(), write.stamp());
    }
    if (write.op().equals(Write.CREATE)) {
      return;
    } else if (write.op().equals(Write.RETIRE) && !write.key().equals(name)
        && !bugs.contains(Bug.FORGET_RETIRED)) {
      vv.drop(write.key());
    }
  }

  // ---- the log

  private Write accept(String op, String key, String value, long nowMicros) {
    long stamp = bugs.contains(Bug.WALL_CLOCK_STAMPS) ? rawStamp(nowMicros) : tick(nowMicros);
    vv.advance(name, stamp);
    return store(new Write(stamp, name, op, key, value, 0));
  }

  /** The primary commits what it accepts or receives, in that order; others hold it tentative. */
  private Write store(Write write) {
    if (primary || (bugs.contains(Bug.NON_PRIMARY_COMMIT) && write.acceptor().equals(name))) {
      return appendCommitted(write);
    }
    insertTentative(write);
    return write;
  }

  private Write appendCommitted(Write write) {
    Write entry = write.withCsn(committed.size() + 1);
    committed.add(entry);
    int n = committed.size();
    if (n == committedBytes.length) {
      committedBytes = java.util.Arrays.copyOf(committedBytes, 2 * n);
    }
    committedBytes[n] = committedBytes[n - 1] + entry.estimatedBytes();
    unsaved.add(entry);
    digest.addCommitted(entry.id());
    if (entry.isData()) {
      committedDb.put(entry.key(), entry);
    } else if (entry.op().equals(Write.RETIRE)) {
      retiredAt.put(entry.key(), entry.csn());
    }
    view = null;
    return entry;
  }

  private void insertTentative(Write write) {
    int at = bugs.contains(Bug.SKIP_ROLLBACK) ? tentative.size() : insertionPoint(write.id());
    tentative.add(at, write);
    tentativeChanges++;
    unsaved.add(write);
    tentativeById.put(write.id(), write);
    digest.addTentative(write.id());
    boolean appended = at == tentative.size() - 1 || bugs.contains(Bug.STALE_VIEW);
    if (appended && view != null) {
      if (write.isData()) {
        view.put(write.key(), write); // appended at the end: no rollback needed
      }
    } else {
      view = null; // inserted before other tentative writes: roll back and replay
    }
  }

  private int insertionPoint(WriteId id) {
    int low = 0;
    int high = tentative.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (tentative.get(mid).id().compareTo(id) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private Map<String, Write> view() {
    if (view == null) {
      view = new HashMap<>(committedDb);
      for (Write write : tentative) {
        if (write.isData()) {
          view.put(write.key(), write);
        }
      }
    }
    return view;
  }

  /**
   * The wall-clock-stamps bug: the local clock, kept unique only among this server's own
   * writes; stamps of writes received from others no longer push it forward.
   */
  private long rawStamp(long nowMicros) {
    long own = vv.complete(name);
    return Math.max(nowMicros, Math.max(own, 0) + 1);
  }

  /** Hybrid logical clock: wall-clock microseconds, but always past every stamp seen. */
  private long tick(long nowMicros) {
    clockMicros = Math.max(nowMicros, clockMicros + 1);
    return clockMicros;
  }

  // ---- views for the outside

  public List<Write> committedLog() {
    return Collections.unmodifiableList(committed);
  }

  public List<Write> tentativeLog() {
    return Collections.unmodifiableList(tentative);
  }

  /** {@link LogDigest#committedHash(List, int)} of the whole committed log, in O(1). */
  public long committedHash() {
    return digest.committedHash();
  }

  /** A cheap fingerprint of the log: equal logs have equal digests. */
  public LogDigest.Value digest() {
    return digest.value(committed.size(), tentative.size());
  }

  /**
   * Checks the invariants the protocol relies on; throws with what was expected and seen. The
   * committed part only grows, so each committed write is checked once; the tentative part and
   * the digest are checked again only when the log or the vector changed since (the digest
   * changes with the log alone). Run after every batch, the cost follows the changes, not the
   * log's length or the number of batches.
   */
  public void checkInvariants() {
    if (conflictingCommit != null) {
      throw new IllegalStateException(conflictingCommit);
    }
    boolean committedGrew = checkedCommitted < committed.size();
    if (!committedGrew && tentativeChanges == checkedTentativeChanges
        && vv.changes() == checkedVectorChanges) {
      return;
    }
    for (int i = checkedCommitted; i < committed.size(); i++) {
      Write write = committed.get(i);
      if (write.csn() != i + 1) {
        throw new IllegalStateException(name + ": committed[" + i + "] has CSN "
            + write.csn() + ", expected " + (i + 1));
      }
      if (!vv.contains(write.id()) && !bugs.contains(Bug.FORGET_RETIRED)) {
        throw new IllegalStateException(name + ": vector " + vv + " misses committed write "
            + write);
      }
      recountedCommittedHash = LogDigest.foldCommitted(recountedCommittedHash, write.id());
      checkedCommitted = i + 1;
    }
    checkTentative();
    checkedTentativeChanges = tentativeChanges;
    checkedVectorChanges = vv.changes();
  }

  private void checkTentative() {
    long tentativeHash = 0;
    for (Write write : tentative) {
      tentativeHash += LogDigest.mix(write.id());
    }
    LogDigest.Value recount = LogDigest.of(committed.size(), tentative.size(),
        recountedCommittedHash, tentativeHash);
    if (!recount.equals(digest())) {
      throw new IllegalStateException(name + ": digest " + digest() + " differs from a recount "
          + recount);
    }
    for (int i = 1; i < tentative.size() && !bugs.contains(Bug.SKIP_ROLLBACK); i++) {
      if (tentative.get(i - 1).id().compareTo(tentative.get(i).id()) >= 0) {
        throw new IllegalStateException(name + ": tentative log out of order at " + i);
      }
    }
    for (Write write : tentative) {
      if (!vv.contains(write.id())) {
        throw new IllegalStateException(name + ": vector " + vv + " misses held write " + write);
      }
    }
  }
}
