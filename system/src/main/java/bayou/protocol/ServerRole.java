package bayou.protocol;

import bayou.history.WriteId;
import bayou.replica.Bug;
import bayou.replica.LogDigest;
import bayou.replica.ReadResult;
import bayou.replica.Replica;
import bayou.replica.Write;
import bayou.replica.WriteBatch;
import bayou.wire.Msg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Bayou server process around a {@link Replica}: network partitions (blocked peers), pause,
 * event-driven gossip, creation, retirement and client requests. The replica decides; this class
 * only moves messages.
 *
 * <p>Gossip pushes: after a change, each reachable peer gets what it lacks by this server's
 * {@link PeerKnowledge}, one message per peer per batch of changes. Notices (what a server holds)
 * go out when knowledge may be wrong: on start, on heal, when the master starts to watch, and
 * on a slow periodic backstop. A peer that hears it lacks something pulls.
 */
final class ServerRole implements Role {
  /** The slow periodic backstop, sent even under load; gossip is otherwise driven by changes. */
  static final long BACKSTOP_GOSSIP_MICROS = 2_000_000;
  /** A pull unanswered this long (lost to a partition, a pause or the network) frees its peer. */
  static final long PULL_TIMEOUT_MICROS = 1_000_000;
  /** An unanswered creation, hand-off or sync is sent again after this long. */
  static final long RESEND_MICROS = 300_000;
  /** The longest wait before a whole log (a hand-off, a creation) is sent again. */
  static final long MAX_LOG_RESEND_MICROS = 10_000_000;
  /** With the ack-before-persist bug, how often the buffered records reach the disk. */
  static final long LAZY_SAVE_MICROS = 1_000_000;

  private final int id;
  private final Set<Bug> bugs;
  private final Effects effects;
  /**
   * The most a message carries of a log, in estimated bytes of writes (see {@link LogSlices}):
   * pushes, creations, hand-offs and the master's log go in chunks of this.
   */
  private final long chunkBytes;
  private final Set<Integer> servers = new HashSet<>();
  private final Set<Integer> blocked = new HashSet<>();
  private final Map<Integer, Long> awaiting = new HashMap<>(); // peer -> deadline (local time)
  private final Set<Integer> pullAgain = new HashSet<>();
  private final Map<Long, Integer> syncsAwaited = new TreeMap<>(); // sync id (request) -> peer
  /** The last write answered to each client: a request that comes again gets the same answer. */
  private final Map<Integer, Msg.ClientReply> lastWriteReply = new HashMap<>();
  /** Each creation answered, by the new server's node: a repeated request is not a new server. */
  private final Map<Integer, List<Msg.CreateReply>> created = new HashMap<>();
  private final Reassembly<Long, Msg.CreateReply> creation = new Reassembly<>();
  private final Reassembly<List<Long>, Msg.Handoff> handoffs = new Reassembly<>(); // (from, req)
  /** When unanswered syncs of this server are sent again. */
  private long resendAt = Long.MAX_VALUE;
  /** When an unanswered creation request or hand-off, each a whole log's worth, goes again. */
  private final Backoff createResend = new Backoff(RESEND_MICROS, MAX_LOG_RESEND_MICROS);
  private final Backoff handoffResend = new Backoff(RESEND_MICROS, MAX_LOG_RESEND_MICROS);
  /**
   * Answers to client writes of this batch: sent once the batch's changes are on disk
   * ({@link #save}), so an acknowledged write survives a crash. One save covers the batch.
   */
  private final List<Map.Entry<Integer, Msg.ClientReply>> heldReplies = new ArrayList<>();
  private final List<Durable.Rec> unsavedAcks = new ArrayList<>();
  /** The state record last saved: another is saved only when it changes. */
  private Durable.Rec savedState;
  /** The ack-before-persist bug's buffer of records not yet on disk, and its next save. */
  private final List<Durable.Rec> lazy = new ArrayList<>();
  private long lazySaveAt;
  private final PeerKnowledge known = new PeerKnowledge();
  /**
   * Peers sent a chunk of a longer backlog, until a deadline (local time): each pulls the next
   * chunk, so pushes to them wait for that (or for the deadline, should the chunk be lost).
   */
  private final Map<Integer, Long> feeding = new HashMap<>();
  private final Set<Integer> lacking = new HashSet<>(); // peers heard to lack something
  private long backstopDue = Long.MIN_VALUE; // at once
  private long now;
  private Replica replica;
  private boolean paused;
  /** The committed count and hash of the last log shown: what the next asker will know. */
  private long shownCount = -1;
  private long shownHash;
  /** Whether the master waits on this server's digests (during a stabilize). */
  private boolean watched;
  private boolean changed;
  private long createRequest;
  private int creator = -1;
  private long handoffRequest;
  private List<Msg.Handoff> handoff; // sent and not yet acknowledged, in parts
  private int heir = -1;

  ServerRole(int id, Set<Bug> bugs, Effects effects, long chunkBytes) {
    this.id = id;
    this.bugs = bugs;
    this.effects = effects;
    this.chunkBytes = chunkBytes;
  }

  @Override
  public long wakeAt() {
    long wake = Long.MAX_VALUE;
    for (long deadline : awaiting.values()) {
      wake = Math.min(wake, deadline);
    }
    wake = Math.min(wake, Math.min(resendAt,
        Math.min(createResend.dueAt(), handoffResend.dueAt())));
    if (!lazy.isEmpty()) {
      wake = Math.min(wake, lazySaveAt);
    }
    return replica != null && gossiping() ? Math.min(wake, backstopDue) : wake;
  }

  private boolean gossiping() {
    return !paused && !replica.isRetiring(); // a retiree hands off to its heir
  }

  @Override
  public void checkInvariants() {
    if (replica != null) {
      replica.checkInvariants();
    }
  }

  @Override
  public void afterBatch(long now) {
    this.now = now;
    expireAwaitedPulls();
    feeding.values().removeIf(deadline -> now >= deadline);
    resendUnanswered();
    if (replica == null) {
      return;
    }
    save(false);
    releaseReplies();
    if (changed && watched) {
      effects.reply(new Msg.Reply(0, true, null, null, digest(), null, null));
    }
    boolean gossiping = gossiping();
    if (gossiping && (changed || !lacking.isEmpty())) {
      pushToPeers();
    }
    changed = false;
    lacking.clear();
    if (gossiping && now >= backstopDue) {
      noticeAll(); // the backstop: makes good a push or notice lost to a partition or a pause
    }
  }

  /**
   * Appends what changed since the last save to stable storage: the writes stored, the answers
   * given, and the server's state when it changed. With the ack-before-persist bug, records
   * wait in memory and go to disk about once a second ({@code force} saves at once).
   */
  private void save(boolean force) {
    List<Durable.Rec> records = new ArrayList<>();
    for (Write write : replica.drainUnsaved()) {
      records.add(Durable.write(write));
    }
    records.addAll(unsavedAcks);
    unsavedAcks.clear();
    if (changed || !records.isEmpty() || savedState == null) {
      Durable.Rec state = Durable.state(replica.name(), replica.isPrimary(), replica.isRetiring(),
          replica.versionVector());
      if (!state.equals(savedState)) {
        records.add(state);
        savedState = state;
      }
    }
    if (bugs.contains(Bug.ACK_BEFORE_PERSIST)) {
      lazy.addAll(records);
      if (!lazy.isEmpty() && (force || now >= lazySaveAt)) {
        effects.persist(List.copyOf(lazy));
        lazy.clear();
        lazySaveAt = now + LAZY_SAVE_MICROS;
      }
    } else if (!records.isEmpty()) {
      effects.persist(records);
    }
  }

  private void releaseReplies() {
    for (Map.Entry<Integer, Msg.ClientReply> held : heldReplies) {
      effects.send(held.getKey(), held.getValue());
    }
    heldReplies.clear();
  }

  /** Answers a client's write: after the next save, or at once with the ack-before-persist bug. */
  private void answerWrite(int client, Msg.ClientReply reply) {
    if (bugs.contains(Bug.ACK_BEFORE_PERSIST)) {
      effects.send(client, reply);
    } else {
      heldReplies.add(Map.entry(client, reply));
    }
  }

  /**
   * Sends every reachable peer what it lacks by this server's knowledge of it, or the first
   * chunk of it: that peer then pulls the rest, chunk by chunk.
   */
  private void pushToPeers() {
    Msg.Summary mine = summary();
    List<Integer> reachable = reachablePeers();
    Map<Integer, WriteBatch> chunks = new HashMap<>();
    Set<Integer> partial = new HashSet<>();
    for (int peer : reachable) {
      Msg.Summary theirs = known.of(peer);
      if (theirs != null && !feeding.containsKey(peer)
          && replica.peerLacks(theirs.vv(), theirs.committed())) {
        WriteBatch missing = replica.missingAt(theirs.vv(), theirs.committed());
        if (missing.isEmpty()) {
          continue; // only a vector that re-lists retirees (the forget-retired bug) gets here
        }
        WriteBatch chunk = LogSlices.first(missing, chunkBytes);
        chunks.put(peer, chunk);
        if (chunk != missing) {
          partial.add(peer);
        }
      }
    }
    // a peer fed in chunks holds less than this server until its last chunk arrives
    List<Integer> fanout = reachable.stream()
        .filter(peer -> known.knows(peer) && !feeding.containsKey(peer)
            && !partial.contains(peer)).toList();
    for (int peer : reachable) {
      WriteBatch chunk = chunks.get(peer);
      if (!known.knows(peer)) {
        effects.send(peer, new Msg.Notice(mine)); // its answer tells what it holds
      } else if (chunk != null) {
        boolean more = partial.contains(peer);
        if (effects.send(peer, new Msg.Push(0, known.of(peer), chunk.committed(),
            chunk.tentative(), mine, fanout, more))) {
          sentTo(peer, more, mine);
        }
      }
    }
  }

  /** After a push: the peer holds what this server holds, or pulls the next chunk. */
  private void sentTo(int peer, boolean more, Msg.Summary mine) {
    if (more) {
      feeding.put(peer, now + PULL_TIMEOUT_MICROS);
    } else {
      known.assumeAtLeast(peer, mine);
    }
  }

  /** Tells every reachable server what this one holds; those that lack something pull it. */
  private void noticeAll() {
    backstopDue = now + BACKSTOP_GOSSIP_MICROS;
    effects.sendAll(reachablePeers(), new Msg.Notice(summary()));
  }

  private List<Integer> reachablePeers() {
    return servers.stream().filter(peer -> peer != id && !blocked.contains(peer)).toList();
  }

  private Msg.Summary summary() {
    return new Msg.Summary(replica.versionVector(), replica.committedCount());
  }

  /**
   * Pulls from a peer, at most one pull outstanding per peer: a second wish waits for the
   * answer, so a busy peer is never asked to send the same backlog twice.
   */
  private void pullFrom(int peer) {
    if (awaiting.containsKey(peer)) {
      pullAgain.add(peer);
    } else if (effects.send(peer, pull(0))) {
      awaiting.put(peer, now + PULL_TIMEOUT_MICROS);
    }
  }

  private boolean anyDue(Iterable<Long> deadlines) {
    for (long deadline : deadlines) {
      if (now >= deadline) {
        return true;
      }
    }
    return false;
  }

  private void expireAwaitedPulls() {
    if (!anyDue(awaiting.values())) {
      return; // the usual case, after every batch
    }
    List<Integer> expired = awaiting.entrySet().stream()
        .filter(e -> now >= e.getValue()).map(Map.Entry::getKey).sorted().toList();
    for (int peer : expired) {
      awaiting.remove(peer);
      if (pullAgain.remove(peer) && !paused && !blocked.contains(peer)) {
        pullFrom(peer);
      }
    }
  }

  /**
   * Requests that must be answered (a creation, a hand-off, a sync) are sent again until they
   * are: the network may lose a message, and each is idempotent at the receiver.
   */
  private void resendUnanswered() {
    if (replica == null && createRequest != 0 && createResend.due(now)) {
      effects.send(creator, new Msg.CreateRequest(createRequest));
      createResend.again(now);
    }
    if (handoff != null && handoffResend.due(now)) {
      handoff.forEach(part -> effects.send(heir, part));
      handoffResend.again(now);
    }
    if (now < resendAt) {
      return;
    }
    resendAt = Long.MAX_VALUE;
    if (!syncsAwaited.isEmpty() && !paused) {
      syncsAwaited.forEach((sync, peer) -> {
        if (!blocked.contains(peer)) {
          effects.send(peer, pull(sync));
        }
      });
      armResend();
    }
  }

  private void armResend() {
    resendAt = Math.min(resendAt, now + RESEND_MICROS);
  }

  private void forgetPulls() {
    awaiting.clear();
    pullAgain.clear();
  }

  private Msg.Pull pull(long sync) {
    return new Msg.Pull(sync, summary());
  }

  private Msg.Digest digest() {
    var value = replica.digest();
    return new Msg.Digest(id, value.committed(), value.tentative(), value.hash(),
        replica.isPrimary());
  }

  @Override
  public void handle(long now, Inbound item) {
    this.now = now;
    if (item instanceof Inbound.FromMaster fromMaster) {
      onControl(fromMaster.control());
    } else if (item instanceof Inbound.FromPeer fromPeer && !blocked.contains(fromPeer.from())) {
      onPeer(fromPeer.from(), fromPeer.msg());
    }
  }

  private void onControl(Msg.Control c) {
    switch (c.cmd()) {
      case "servers" -> {
        effects.learn(c.ports());
        servers.addAll(c.ports().keySet());
        reply(c);
      }
      case "clients" -> {
        effects.learn(c.ports());
        reply(c);
      }
      case "forget" -> {
        servers.remove(c.a());
        known.forget(c.a());
        feeding.remove(c.a());
        effects.forget(c.a());
        reply(c);
      }
      case "recover" -> recover(c);
      case "root", "join" -> {
        if (replica != null || createRequest != 0) {
          effects.reply(Msg.Reply.failed(c.req(), "server " + id + " has joined already"));
        } else {
          join(c);
        }
      }

      case "block" -> {
        blocked.add(c.a());
        awaiting.remove(c.a());
        reply(c);
      }
      case "unblock" -> {
        blocked.remove(c.a());
        if (replica != null && !paused) {
          effects.send(c.a(), new Msg.Notice(summary())); // what was pushed may be lost
        }
        reply(c);
      }
      case "pause" -> {
        paused = true;
        forgetPulls(); // their answers are dropped while paused
        reply(c);
      }
      case "start" -> {
        paused = false;
        forgetPulls();
        backstopDue = now; // pushes were dropped while paused: say what is held
        if (!syncsAwaited.isEmpty()) {
          armResend(); // no sync was sent again while paused, and its pull or answer may be lost
        }
        reply(c);
      }
      case "sync" -> sync(c);
      case "retire" -> retire(c);
      case "watch" -> {
        watched = c.a() != 0;
        if (watched) {
          backstopDue = now; // fresh notices correct any wrong guess at once
        }
        reply(c);
      }
      case "digest" -> effects.reply(new Msg.Reply(c.req(), true, null, null,
          replica == null ? null : digest(), null, null));
      case "log" -> replyLog(c.req(), c.a(), c.key());
      case "exit" -> {
        reply(c);
        effects.stop();
      }
      default -> effects.reply(Msg.Reply.failed(c.req(), "unknown command " + c.cmd()));
    }
  }

  /** Starts as the root, or asks the creator {@code c.a()} for a creation. */
  private void join(Msg.Control c) {
    if (c.cmd().equals("root")) {
      replica = Replica.root(bugs);
      changed = true;
      save(true);
      effects.reply(new Msg.Reply(c.req(), true, null, replica.name(), null, null, null));
      return;
    }
    createRequest = c.req();
    creator = c.a();
    createResend.start(now);
    if (!effects.send(c.a(), new Msg.CreateRequest(c.req()))) {
      effects.reply(Msg.Reply.failed(c.req(), "creator " + c.a() + " unreachable"));
    }
  }

  /**
   * Comes back from stable storage after a crash, with the same name, role and log as the
   * disk says; answers to client writes it gave survive too, so a client's resend of an
   * answered write gets the same answer, not a second write.
   */
  private void recover(Msg.Control c) {
    if (replica != null || createRequest != 0) {
      effects.reply(Msg.Reply.failed(c.req(), "server " + id + " has joined already"));
      return;
    }
    Durable.Recovered disk;
    try {
      Durable.Replay replay = new Durable.Replay();
      effects.recover(replay::add);
      disk = replay.result();
      replica = Replica.restored(bugs, disk.name(), disk.primary(), disk.retiring(), disk.vv(),
          disk.committed(), disk.tentative());
    } catch (RuntimeException e) {
      effects.reply(Msg.Reply.failed(c.req(), "server " + id + " cannot recover: "
          + e.getMessage()));
      return;
    }
    savedState = disk.lastState();
    disk.acks().forEach((client, ack) -> lastWriteReply.put(client, new Msg.ClientReply(ack[0],
        "ok", null, null, replica.versionVector(), new WriteId(ack[1], replica.name()), null,
        replica.name())));
    changed = true;
    effects.reply(new Msg.Reply(c.req(), true, null, replica.name(), null, null, null));
  }

  private void reply(Msg.Control c) {
    effects.reply(Msg.Reply.ok(c.req()));
  }

  /** An immediate exchange with one peer, answered to the master when the peer's writes are in. */
  private void sync(Msg.Control c) {
    if (paused || blocked.contains(c.a()) || replica == null) {
      reply(c);
      return;
    }
    syncsAwaited.put(c.req(), c.a());
    armResend();
    if (!effects.send(c.a(), pull(c.req()))) {
      syncsAwaited.remove(c.req());
      effects.reply(Msg.Reply.failed(c.req(), "server " + c.a() + " unreachable"));
    }
  }

  private void retire(Msg.Control c) {
    if (replica == null || replica.isRetiring()) {
      effects.reply(Msg.Reply.failed(c.req(), replica == null ? "server " + id
          + " has no replica yet" : "server " + id + " is already retiring"));
      return;
    }
    boolean handsOnPrimary = replica.isPrimary();
    replica.retire(now);
    changed = true;
    handoffRequest = c.req();
    List<WriteBatch> chunks = LogSlices.split(replica.fullLog(), replica::committedBytes,
        chunkBytes);
    handoff = new ArrayList<>();
    for (int part = 0; part < chunks.size(); part++) {
      handoff.add(new Msg.Handoff(c.req(), chunks.get(part).committed(),
          chunks.get(part).tentative(), handsOnPrimary, part, chunks.size()));
    }
    heir = c.a();
    handoffResend.start(now);
    for (Msg.Handoff part : handoff) {
      if (!effects.send(c.a(), part)) {
        effects.reply(Msg.Reply.failed(c.req(), "heir " + c.a() + " unreachable"));
        return;
      }
    }
  }

  /**
   * The log for the master, in chunks of at most about {@link #chunkBytes} of writes: a log
   * too large for one line of the wire goes as several replies to the same request. It starts
   * at committed position {@code known} when the asker holds the writes before it (its hash of
   * their ids, {@code knownHash}, matches this server's); otherwise it is whole.
   */
  private void replyLog(long req, int known, String knownHash) {
    if (replica == null) {
      effects.reply(new Msg.Reply(req, true, null, null, null, null, null));
      return;
    }
    save(false); // a log shown is on disk: a restart never shows less
    releaseReplies();
    List<Write> whole = replica.committedLog();
    int from = known > 0 && known <= whole.size() && knownHash != null
        && knownHash.equals(Long.toString(committedHash(whole, known))) ? known : 0;
    shownCount = whole.size();
    shownHash = replica.committedHash();
    List<WriteBatch> chunks = LogSlices.split(
        new WriteBatch(whole.subList(from, whole.size()), replica.tentativeLog()),
        (a, b) -> replica.committedBytes(from + a, from + b), chunkBytes);
    for (int part = 0; part < chunks.size(); part++) {
      Msg.LogDump dump = new Msg.LogDump(replica.name(), replica.isPrimary(),
          chunks.get(part).committed(), chunks.get(part).tentative(), replica.versionVector(),
          part, chunks.size(), from);
      effects.reply(new Msg.Reply(req, true, null, null, null, dump, null));
    }
  }

  /**
   * The hash of the first {@code n} committed writes. The asker usually knows what it was
   * shown last, so this is O(1) then, not a pass over a log that grows all run.
   */
  private long committedHash(List<Write> committed, int n) {
    if (n == committed.size()) {
      return replica.committedHash();
    }
    return n == shownCount ? shownHash : LogDigest.committedHash(committed, n);
  }

  private void onPeer(int from, Msg msg) {
    if (replica == null) {
      if (msg instanceof Msg.CreateReply reply && reply.req() == createRequest) {
        List<Msg.CreateReply> parts = creation.offer(reply.req(), reply.part(), reply.parts(),
            reply);
        if (parts != null) {
          createRequest = 0;
          createResend.stop();
          created(parts);
        }
      }
      return;
    }
    if (msg instanceof Msg.Notice notice) {
      onNotice(from, notice);
    } else if (msg instanceof Msg.Pull pull) {
      onPull(from, pull);
    } else if (msg instanceof Msg.Push push) {
      onPush(from, push);
    } else if (msg instanceof Msg.ClientRequest request) {
      onClient(from, request);
    } else if (msg instanceof Msg.CreateRequest request) {
      onCreate(from, request);
    } else if (msg instanceof Msg.Handoff handoff) {
      onHandoff(from, handoff);
    } else if (msg instanceof Msg.HandoffAck ack && ack.req() == handoffRequest
        && handoff != null && from == heir) {
      handoff = null;
      handoffResend.stop();
      effects.reply(new Msg.Reply(ack.req(), true, null, replica.name(), null, null, null));
    }
  }

  private void onCreate(int from, Msg.CreateRequest request) {
    List<Msg.CreateReply> earlier = created.get(from);
    if (earlier != null && earlier.get(0).req() == request.req()) {
      // the request came again (our answer was lost, or it twice): the same answer, all parts
      earlier.forEach(part -> effects.send(from, part));
      return;
    }
    String child = replica.acceptCreate(now);
    List<WriteBatch> chunks = LogSlices.split(replica.fullLog(), replica::committedBytes,
        chunkBytes);
    Map<String, Long> vv = replica.versionVector();
    List<Msg.CreateReply> reply = new ArrayList<>();
    for (int part = 0; part < chunks.size(); part++) {
      reply.add(new Msg.CreateReply(request.req(), child, chunks.get(part).committed(),
          chunks.get(part).tentative(), vv, part, chunks.size()));
    }
    created.put(from, reply);
    reply.forEach(part -> effects.send(from, part));
    changed = true;
  }

  /**
   * A retiring server's log arrives, once all its parts have; with the primary role, this server
   * commits what it holds.
   */
  private void onHandoff(int from, Msg.Handoff part) {
    List<Msg.Handoff> parts = handoffs.offer(List.of((long) from, part.req()), part.part(),
        part.parts(), part);
    if (parts == null) {
      return;
    }
    List<Write> committed = new ArrayList<>();
    List<Write> tentative = new ArrayList<>();
    for (Msg.Handoff each : parts) {
      committed.addAll(each.committed());
      tentative.addAll(each.tentative());
    }
    if (bugs.contains(Bug.LOSE_RETIRE)) {
      replica.apply(WriteBatch.withoutRetire(committed, tentative));
    } else {
      replica.apply(new WriteBatch(committed, tentative));
    }
    if (part.primary()) {
      replica.becomePrimary();
    }
    effects.send(from, new Msg.HandoffAck(part.req()));
    changed = true;
  }

  /** The creator's answer, whole: this server starts as a copy of the creator's log. */
  private void created(List<Msg.CreateReply> parts) {
    List<Write> committed = new ArrayList<>();
    List<Write> tentative = new ArrayList<>();
    for (Msg.CreateReply part : parts) {
      committed.addAll(part.committed());
      tentative.addAll(part.tentative());
    }
    Msg.CreateReply first = parts.get(0);
    replica = Replica.created(bugs, first.name(), new WriteBatch(committed, tentative),
        first.vv());
    changed = true;
    save(true);
    effects.reply(new Msg.Reply(first.req(), true, null, replica.name(), null, null, null));
  }

  private void onNotice(int from, Msg.Notice notice) {
    if (paused || replica.isRetiring()) {
      return;
    }
    known.learn(from, notice.have()); // a notice is the truth: it replaces any guess
    feeding.remove(from);
    heardFrom(from);
    if (replica.lacksFrom(notice.have().vv(), notice.have().committed())) {
      pullFrom(from);
    }
  }

  /** After a peer said what it holds: push to it in this batch if it lacks anything. */
  private void heardFrom(int from) {
    Msg.Summary have = known.of(from);
    changed |= replica.absorbPeerVector(have.vv());
    if (replica.peerLacks(have.vv(), have.committed())) {
      lacking.add(from);
    }
  }

  private void onPull(int from, Msg.Pull pull) {
    if ((paused && pull.sync() == 0) || replica.isRetiring()) {
      return;
    }
    feeding.remove(from); // it asks for the next chunk, if any, itself
    Msg.Summary mine = summary();
    changed |= replica.absorbPeerVector(pull.have().vv());
    WriteBatch missing = replica.missingAt(pull.have().vv(), pull.have().committed());
    WriteBatch chunk = LogSlices.first(missing, chunkBytes);
    boolean more = chunk != missing;
    if (effects.send(from, new Msg.Push(pull.sync(), pull.have(), chunk.committed(),
        chunk.tentative(), mine, List.of(), more))) {
      known.assumeAtLeast(from, pull.have());
      sentTo(from, more, mine);
    }
  }

  private void onPush(int from, Msg.Push push) {
    if (push.sync() == 0) {
      awaiting.remove(from);
    }
    if ((paused && push.sync() == 0) || replica.isRetiring()) {
      return;
    }
    if (push.sync() == 0 && replica.lacksFrom(push.base().vv(), push.base().committed())) {
      effects.send(from, new Msg.Notice(summary())); // pushed on a wrong guess: correct it
      return;
    }
    changed |= replica.apply(new WriteBatch(push.committed(), push.tentative()));
    // not learn: pushes cross, so the sender may already hold what this server pushed it
    known.assumeAtLeast(from, push.sender());
    heardFrom(from);
    for (int peer : push.fanout()) {
      if (peer != id) {
        known.assumeAtLeast(peer, push.sender());
      }
    }
    if (push.more()) {
      pullNextChunk(from, push.sync());
    } else if (syncsAwaited.remove(push.sync()) != null) {
      changed = true;
      effects.reply(Msg.Reply.ok(push.sync()));
    }
    if (pullAgain.remove(from)) {
      pullFrom(from);
    }
  }

  /** The push was a chunk of a longer backlog: asks for the next one, as the pull it answers. */
  private void pullNextChunk(int from, long sync) {
    if (sync == 0) {
      pullAgain.remove(from);
      pullFrom(from);
    } else if (syncsAwaited.containsKey(sync)) {
      effects.send(from, pull(sync)); // the sync is answered once the last chunk is in
      // it progresses: a resend now would start a second chain of chunks beside this one
      resendAt = Math.max(resendAt, now + RESEND_MICROS);
    }
  }

  private void onClient(int from, Msg.ClientRequest request) {
    Msg.ClientReply earlier = lastWriteReply.get(from);
    if (earlier != null && request.req() <= earlier.req()) {
      // A client's requests number upwards. The same one again gets the same answer (a write is
      // accepted once, however often it is asked for); an older one, delayed or duplicated on
      // the way, is stale: its client has moved on.
      if (request.req() == earlier.req()) {
        answerWrite(from, earlier);
      }
      return;
    }
    Msg.ClientReply reply;
    Map<String, Long> retired =
        replica.committedRetirements(request.readSet(), request.writeSet());
    if (request.f().equals("get")) {
      ReadResult read = replica.read(request.key(), request.readSet(), request.writeSet(),
          request.floorOrZero());
      String status = ReadResult.ERR_DEP.equals(read.error()) ? "ERR_DEP" : "ok";
      reply = new Msg.ClientReply(request.req(), status, read.value(), read.error(), read.vv(),
          null, read.readFrom(), replica.name(), replica.committedCount(), retired);
    } else {
      String op = request.f().equals("put") ? Write.PUT : Write.DELETE;
      Write accepted = replica.write(op, request.key(), request.value(), request.readSet(),
          request.writeSet(), request.floorOrZero(), now);
      changed |= accepted != null;
      // A drop carries the commit count, as an ERR_DEP does: the checker judges both by it.
      reply = new Msg.ClientReply(request.req(), accepted == null ? "dropped" : "ok", null,
          accepted == null ? "dropped" : null, replica.versionVector(),
          accepted == null ? null : accepted.id(), null, replica.name(),
          accepted == null ? replica.committedCount() : null, retired);
      lastWriteReply.put(from, reply);
      if (accepted != null) {
        unsavedAcks.add(Durable.ack(from, request.req(), accepted.stamp()));
      }
      answerWrite(from, reply);
      return;
    }
    effects.send(from, reply);
  }
}
