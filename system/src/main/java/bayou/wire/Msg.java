package bayou.wire;

import bayou.history.WriteId;
import bayou.replica.Write;
import java.util.List;
import java.util.Map;

/**
 * Every message that crosses a socket: node <-> node (anti-entropy, creation, retirement, client
 * requests) and master <-> node (control). Records, so that Gson writes them field by field.
 */
public sealed interface Msg {
  // ---- master <-> node

  /** First line a node sends on its control connection. */
  record Hello(long token, long pid, int port) implements Msg {}

  /**
   * A command from the master. {@code cmd} names it; the other fields are its arguments:
   * assign(a=id, key=role, value=bugs), peers(ports), root, join(a=creator), block(a),
   * unblock(a), pause, start, sync(a), retire(a=heir), digest, log, forget(a), connect(a),
   * op(f, key, value).
   */
  record Control(long req, String cmd, int a, String f, String key, String value,
      Map<Integer, Integer> ports) implements Msg {
    public static Control of(long req, String cmd, int a) {
      return new Control(req, cmd, a, null, null, null, null);
    }
  }

  /** A node's answer to a {@link Control}, or with {@code req == 0} an unsolicited digest. */
  record Reply(long req, boolean ok, String error, String name, Digest digest, LogDump log,
      OpOutcome op) implements Msg {
    public static Reply ok(long req) {
      return new Reply(req, true, null, null, null, null, null);
    }

    public static Reply failed(long req, String error) {
      return new Reply(req, false, error, null, null, null, null);
    }
  }

  /** A server's log fingerprint, pushed to the master after every change. */
  record Digest(int server, long committed, int tentative, long hash, boolean primary) {}

  /** A server's whole log and vector, for printLog and snapshots. */
  record LogDump(String name, boolean primary, List<Write> committed, List<Write> tentative,
      Map<String, Long> vv) {}

  /**
   * What a client operation did. {@code status} is ok, fail or info (Jepsen's types);
   * {@code error} is ERR_KEY, ERR_DEP, dropped, timeout or no-server.
   */
  record OpOutcome(String status, String value, String error, int server, String serverName,
      Map<String, Long> vv, WriteId writeId, WriteId readFrom, Map<String, Long> readSet,
      Map<String, Long> writeSet, Long commits) {
    /** An outcome without the server's commit count (anything but an answered get). */
    public OpOutcome(String status, String value, String error, int server, String serverName,
        Map<String, Long> vv, WriteId writeId, WriteId readFrom, Map<String, Long> readSet,
        Map<String, Long> writeSet) {
      this(status, value, error, server, serverName, vv, writeId, readFrom, readSet, writeSet,
          null);
    }
  }

  // ---- server <-> server

  /** What a server holds: its version vector and how many writes it has committed. */
  record Summary(Map<String, Long> vv, long committed) {}

  /** "This is what I have." A peer that lacks something pulls; one that has more pushes. */
  record Notice(Summary have) implements Msg {}

  /** "This is what I have; send me what I lack." Always answered by a {@link Push}. */
  record Pull(long sync, Summary have) implements Msg {}

  /**
   * Writes the receiver lacks, computed against {@code base}, what the sender believes the
   * receiver holds: commits in CSN order, then tentative writes in log order. A receiver that
   * does not hold {@code base} refuses the push and answers with a {@link Notice}, so a wrong
   * belief costs a round trip, never a gap. {@code sender} is what the sender holds; every
   * server in {@code fanout} holds at least that once this round of pushes arrives.
   */
  record Push(long sync, Summary base, List<Write> committed, List<Write> tentative,
      Summary sender, List<Integer> fanout) implements Msg {}

  record CreateRequest(long req) implements Msg {}

  record CreateReply(long req, String name, List<Write> committed, List<Write> tentative,
      Map<String, Long> vv) implements Msg {}

  /** A retiring server's whole log, and the primary role if it held it. */
  record Handoff(long req, List<Write> committed, List<Write> tentative, boolean primary)
      implements Msg {}

  record HandoffAck(long req) implements Msg {}

  // ---- client <-> server

  record ClientRequest(long req, String f, String key, String value, Map<String, Long> readSet,
      Map<String, Long> writeSet) implements Msg {}

  /**
   * {@code status}: ok, dropped or ERR_DEP. {@code commits}: for a get, how many writes the
   * server had committed when it read (with {@code vv}, that names its log; checkers rebuild it).
   */
  record ClientReply(long req, String status, String value, String error, Map<String, Long> vv,
      WriteId writeId, WriteId readFrom, String serverName, Long commits) implements Msg {
    public ClientReply(long req, String status, String value, String error,
        Map<String, Long> vv, WriteId writeId, WriteId readFrom, String serverName) {
      this(req, status, value, error, vv, writeId, readFrom, serverName, null);
    }
  }
}
