package bayou.wire;

import bayou.history.WriteId;
import bayou.replica.Names;
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
  record Hello(long token, long pid, int port, String secret) implements Msg {
    public Hello {
      Checks.present(secret, "hello's secret");
    }
  }

  /**
   * A command from the master. {@code cmd} names it; the other fields are its arguments:
   * assign(a=id, key=role, value=bugs), peers(ports), root, join(a=creator), block(a),
   * unblock(a), pause, start, sync(a), retire(a=heir), digest, log, forget(a), connect(a),
   * op(f, key, value).
   */
  record Control(long req, String cmd, int a, String f, String key, String value,
      Map<Integer, Integer> ports) implements Msg {
    public Control {
      Checks.notNegative(req, "a command's request number");
      Checks.present(cmd, "a command's name");
      switch (cmd) {
        case "servers", "clients" -> Checks.ports(ports, cmd + "'s address book");
        case "op" -> Checks.clientOp(f, key, value);
        case "assign" -> {
          Checks.notNegative(a, "assign's id");
          if (!"server".equals(key) && !"client".equals(key)) {
            throw new IllegalArgumentException("assign names server or client, not " + key);
          }
        }
        default -> {
          // the other commands take at most an id, which the role checks against what it knows
        }
      }
    }

    public static Control of(long req, String cmd, int a) {
      return new Control(req, cmd, a, null, null, null, null);
    }
  }

  /** A node's answer to a {@link Control}, or with {@code req == 0} an unsolicited digest. */
  record Reply(long req, boolean ok, String error, String name, Digest digest, LogDump log,
      OpOutcome op) implements Msg {
    public Reply {
      Checks.notNegative(req, "a reply's request number");
    }

    public static Reply ok(long req) {
      return new Reply(req, true, null, null, null, null, null);
    }

    public static Reply failed(long req, String error) {
      return new Reply(req, false, error, null, null, null, null);
    }
  }

  /** A server's log fingerprint, pushed to the master after every change. */
  record Digest(int server, long committed, int tentative, long hash, boolean primary) {
    public Digest {
      Checks.notNegative(committed, "a digest's committed count");
      Checks.notNegative(tentative, "a digest's tentative count");
    }
  }

  /**
   * A server's whole log and vector, for printLog and snapshots; a large log comes as
   * {@code parts} chunks (part 0, 1, ...), each with a slice of the log in order, so that no
   * line exceeds the wire's limit. {@code committedFrom} > 0: the committed writes start at that
   * position, because the asker said it holds the ones before (a periodic snapshot of a long
   * log then costs what changed, not the whole log).
   */
  record LogDump(String name, boolean primary, List<Write> committed, List<Write> tentative,
      Map<String, Long> vv, int part, int parts, int committedFrom) {
    public LogDump {
      Checks.part(part, parts, "a log");
      Checks.notNegative(committedFrom, "a log's first committed position");
      Checks.present(name, "a log's server name");
      Checks.writes(committed, true, "a log's committed writes");
      Checks.writes(tentative, false, "a log's tentative writes");
      Checks.vector(vv, "a log's vector");
    }

    /** A whole log in one piece. */
    public LogDump(String name, boolean primary, List<Write> committed, List<Write> tentative,
        Map<String, Long> vv) {
      this(name, primary, committed, tentative, vv, 0, 1, 0);
    }

    /** A chunk of a whole log. */
    public LogDump(String name, boolean primary, List<Write> committed, List<Write> tentative,
        Map<String, Long> vv, int part, int parts) {
      this(name, primary, committed, tentative, vv, part, parts, 0);
    }
  }

  /**
   * What a client operation did. {@code status} is ok, fail or info (Jepsen's types);
   * {@code error} is ERR_KEY, ERR_DEP, dropped, timeout or no-server.
   */
  record OpOutcome(String status, String value, String error, int server, String serverName,
      Map<String, Long> vv, WriteId writeId, WriteId readFrom, Map<String, Long> readSet,
      Map<String, Long> writeSet, Long commits, Long floor) {
    public OpOutcome {
      if (!"ok".equals(status) && !"fail".equals(status) && !"info".equals(status)) {
        throw new IllegalArgumentException("an outcome is ok, fail or info, not " + status);
      }
    }

    /** An outcome of a session with no commit floor. */
    public OpOutcome(String status, String value, String error, int server, String serverName,
        Map<String, Long> vv, WriteId writeId, WriteId readFrom, Map<String, Long> readSet,
        Map<String, Long> writeSet, Long commits) {
      this(status, value, error, server, serverName, vv, writeId, readFrom, readSet, writeSet,
          commits, null);
    }

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
  record Summary(Map<String, Long> vv, long committed) {
    public Summary {
      Checks.vector(vv, "a summary's vector");
      Checks.notNegative(committed, "a summary's commit count");
    }
  }

  /** "This is what I have." A peer that lacks something pulls; one that has more pushes. */
  record Notice(Summary have) implements Msg {
    public Notice {
      Checks.present(have, "a notice's summary");
    }
  }

  /** "This is what I have; send me what I lack." Always answered by a {@link Push}. */
  record Pull(long sync, Summary have) implements Msg {
    public Pull {
      Checks.notNegative(sync, "a pull's sync number");
      Checks.present(have, "a pull's summary");
    }
  }

  /**
   * Writes the receiver lacks, computed against {@code base}, what the sender believes the
   * receiver holds: commits in CSN order, then tentative writes in log order. A receiver that
   * does not hold {@code base} refuses the push and answers with a {@link Notice}, so a wrong
   * belief costs a round trip, never a gap. {@code sender} is what the sender holds; every
   * server in {@code fanout} holds at least that once this round of pushes arrives. A long
   * backlog goes in bounded chunks, each a prefix of what is missing: {@code more} says the
   * sender holds more, and the receiver pulls the next chunk once it has applied this one.
   */
  record Push(long sync, Summary base, List<Write> committed, List<Write> tentative,
      Summary sender, List<Integer> fanout, boolean more) implements Msg {
    public Push {
      Checks.notNegative(sync, "a push's sync number");
      Checks.present(base, "a push's base");
      Checks.writes(committed, true, "a push's committed writes");
      Checks.writes(tentative, false, "a push's tentative writes");
      Checks.present(sender, "a push's sender summary");
      Checks.ids(fanout, "a push's fanout");
    }

    /** A push of everything the receiver lacks. */
    public Push(long sync, Summary base, List<Write> committed, List<Write> tentative,
        Summary sender, List<Integer> fanout) {
      this(sync, base, committed, tentative, sender, fanout, false);
    }
  }

  record CreateRequest(long req) implements Msg {}

  /**
   * A new server's name and the creator's log and vector. A long log comes as {@code parts}
   * replies to the same request, each with a slice of the log in order (part 0, 1, ...), so that
   * no line exceeds the wire's limit; the new server starts once it holds them all.
   */
  record CreateReply(long req, String name, List<Write> committed, List<Write> tentative,
      Map<String, Long> vv, int part, int parts) implements Msg {
    public CreateReply {
      Checks.part(part, parts, "a creation");
      Names.requireValid(name);
      Checks.writes(committed, true, "a creation's committed writes");
      Checks.writes(tentative, false, "a creation's tentative writes");
      Checks.vector(vv, "a creation's vector");
    }

    /** A creation in one piece. */
    public CreateReply(long req, String name, List<Write> committed, List<Write> tentative,
        Map<String, Long> vv) {
      this(req, name, committed, tentative, vv, 0, 1);
    }
  }

  /**
   * A retiring server's whole log, and the primary role if it held it. A long log comes as
   * {@code parts} messages (part 0, 1, ...), as a {@link CreateReply} does; the heir takes the
   * log over, and acknowledges, once it holds them all.
   */
  record Handoff(long req, List<Write> committed, List<Write> tentative, boolean primary,
      int part, int parts) implements Msg {
    public Handoff {
      Checks.part(part, parts, "a hand-off");
      Checks.writes(committed, true, "a hand-off's committed writes");
      Checks.writes(tentative, false, "a hand-off's tentative writes");
    }

    /** A hand-off in one piece. */
    public Handoff(long req, List<Write> committed, List<Write> tentative, boolean primary) {
      this(req, committed, tentative, primary, 0, 1);
    }
  }

  record HandoffAck(long req) implements Msg {}

  // ---- client <-> server

  /**
   * {@code floor}: how many commits the serving server must hold, standing in for retired
   * servers the session dropped from its sets (null when none).
   */
  record ClientRequest(long req, String f, String key, String value, Map<String, Long> readSet,
      Map<String, Long> writeSet, Long floor) implements Msg {
    public ClientRequest {
      Checks.clientOp(f, key, value);
      Checks.vector(readSet, "a request's read-set");
      Checks.vector(writeSet, "a request's write-set");
      if (floor != null) {
        Checks.notNegative(floor, "a request's commit floor");
      }
    }

    public ClientRequest(long req, String f, String key, String value,
        Map<String, Long> readSet, Map<String, Long> writeSet) {
      this(req, f, key, value, readSet, writeSet, null);
    }

    public long floorOrZero() {
      return floor == null ? 0 : floor;
    }
  }

  /**
   * {@code status}: ok, dropped or ERR_DEP. {@code commits}: for a get, how many writes the
   * server had committed when it read (with {@code vv}, that names its log; checkers rebuild it).
   * {@code retired}: servers of the request's sets whose RETIRE the server has committed, with
   * its CSN, which the session may replace by a commit floor (null when none).
   */
  record ClientReply(long req, String status, String value, String error, Map<String, Long> vv,
      WriteId writeId, WriteId readFrom, String serverName, Long commits,
      Map<String, Long> retired) implements Msg {
    public ClientReply {
      Checks.present(status, "a reply's status");
      if (status.equals("ok")) {
        Checks.vector(vv, "a reply's vector");
      }
      if (retired != null) {
        Checks.vector(retired, "a reply's retired servers");
      }
    }

    public ClientReply(long req, String status, String value, String error,
        Map<String, Long> vv, WriteId writeId, WriteId readFrom, String serverName) {
      this(req, status, value, error, vv, writeId, readFrom, serverName, null, null);
    }
  }
}
