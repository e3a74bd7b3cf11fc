package bayou.gen;

/**
 * One line of a course-format script: a master command with its arguments.
 *
 * <p>Steps are plain values so that schedules can be rendered, replayed, compared and shrunk
 * without a running system. Each record checks its own arguments; whether a step makes sense
 * at a given point of a script is the {@link Script#firstProblem} model replay's business.
 */
public sealed interface Step {

  /** The course command word, for example {@code joinServer}. */
  String command();

  /** The exact course line, without a line terminator. */
  String toLine();

  /** True for {@code put}, {@code get} and {@code delete}: the workload. */
  default boolean isClientOp() {
    return this instanceof Put || this instanceof Get || this instanceof Delete;
  }

  /**
   * True for the nemesis steps that change membership, links or anti-entropy; false for the
   * workload and for the observation steps {@code stabilize} and {@code printLog}.
   */
  default boolean isFault() {
    return !isClientOp() && !(this instanceof Stabilize) && !(this instanceof PrintLog);
  }

  /** {@code joinServer id}. */
  record JoinServer(int id) implements Step {
    public JoinServer {
      Args.id("server", id);
    }

    @Override public String command() {
      return "joinServer";
    }

    @Override public String toLine() {
      return command() + " " + id;
    }
  }

  /** {@code retireServer id}. */
  record RetireServer(int id) implements Step {
    public RetireServer {
      Args.id("server", id);
    }

    @Override public String command() {
      return "retireServer";
    }

    @Override public String toLine() {
      return command() + " " + id;
    }
  }

  /** {@code joinClient client server}: a new client, or a move of an existing one. */
  record JoinClient(int client, int server) implements Step {
    public JoinClient {
      Args.id("client", client);
      Args.id("server", server);
      Args.distinct(client, server);
    }

    @Override public String command() {
      return "joinClient";
    }

    @Override public String toLine() {
      return command() + " " + client + " " + server;
    }
  }

  /** {@code breakConnection a b}: two servers, or a client and a server in either order. */
  record BreakConnection(int a, int b) implements Step {
    public BreakConnection {
      Args.id("a", a);
      Args.id("b", b);
      Args.distinct(a, b);
    }

    @Override public String command() {
      return "breakConnection";
    }

    @Override public String toLine() {
      return command() + " " + a + " " + b;
    }
  }

  /** {@code restoreConnection a b}; for a client link, that server becomes the client's. */
  record RestoreConnection(int a, int b) implements Step {
    public RestoreConnection {
      Args.id("a", a);
      Args.id("b", b);
      Args.distinct(a, b);
    }

    @Override public String command() {
      return "restoreConnection";
    }

    @Override public String toLine() {
      return command() + " " + a + " " + b;
    }
  }

  /** {@code pause}: stop anti-entropy everywhere. */
  record Pause() implements Step {
    @Override public String command() {
      return "pause";
    }

    @Override public String toLine() {
      return command();
    }
  }

  /** {@code start}: resume anti-entropy. */
  record Start() implements Step {
    @Override public String command() {
      return "start";
    }

    @Override public String toLine() {
      return command();
    }
  }

  /** {@code stabilize}. */
  record Stabilize() implements Step {
    @Override public String command() {
      return "stabilize";
    }

    @Override public String toLine() {
      return command();
    }
  }

  /** {@code printLog id}. */
  record PrintLog(int id) implements Step {
    public PrintLog {
      Args.id("server", id);
    }

    @Override public String command() {
      return "printLog";
    }

    @Override public String toLine() {
      return command() + " " + id;
    }
  }

  /** {@code put client key value}. */
  record Put(int client, String key, String value) implements Step {
    public Put {
      Args.id("client", client);
      Args.word("key", key);
      Args.word("value", value);
    }

    @Override public String command() {
      return "put";
    }

    @Override public String toLine() {
      return command() + " " + client + " " + key + " " + value;
    }
  }

  /** {@code get client key}. */
  record Get(int client, String key) implements Step {
    public Get {
      Args.id("client", client);
      Args.word("key", key);
    }

    @Override public String command() {
      return "get";
    }

    @Override public String toLine() {
      return command() + " " + client + " " + key;
    }
  }

  /** {@code delete client key}. */
  record Delete(int client, String key) implements Step {
    public Delete {
      Args.id("client", client);
      Args.word("key", key);
    }

    @Override public String command() {
      return "delete";
    }

    @Override public String toLine() {
      return command() + " " + client + " " + key;
    }
  }

  /** {@code killServer id}: SIGKILL the server's process; its disk stays. */
  record KillServer(int id) implements Step {
    public KillServer {
      Args.id("server", id);
    }

    @Override public String command() {
      return "killServer";
    }

    @Override public String toLine() {
      return command() + " " + id;
    }
  }

  /** {@code restartServer id}: bring a killed server back from its disk. */
  record RestartServer(int id) implements Step {
    public RestartServer {
      Args.id("server", id);
    }

    @Override public String command() {
      return "restartServer";
    }

    @Override public String toLine() {
      return command() + " " + id;
    }
  }

  /** {@code freezeServer id}: SIGSTOP the server's process. */
  record FreezeServer(int id) implements Step {
    public FreezeServer {
      Args.id("server", id);
    }

    @Override public String command() {
      return "freezeServer";
    }

    @Override public String toLine() {
      return command() + " " + id;
    }
  }

  /** {@code thawServer id}: SIGCONT a frozen server's process. */
  record ThawServer(int id) implements Step {
    public ThawServer {
      Args.id("server", id);
    }

    @Override public String command() {
      return "thawServer";
    }

    @Override public String toLine() {
      return command() + " " + id;
    }
  }

  /**
   * {@code skewClock id millis [driftPpm]}: the server's clock becomes its own plus an offset
   * (negative: behind the others) and a drift in parts per million.
   */
  record SkewClock(int id, long millis, long driftPpm) implements Step {
    public SkewClock {
      Args.id("server", id);
      if (Math.abs(millis) > 86_400_000L) {
        throw new IllegalArgumentException("a clock offset is within a day, got " + millis
            + " ms");
      }
      if (Math.abs(driftPpm) > 100_000L) {
        throw new IllegalArgumentException("a clock drift is within 100000 ppm, got "
            + driftPpm);
      }
    }

    @Override public String command() {
      return "skewClock";
    }

    @Override public String toLine() {
      return command() + " " + id + " " + millis + (driftPpm == 0 ? "" : " " + driftPpm);
    }
  }

  /**
   * {@code slow a b}: the link between servers a and b loses, duplicates and delays packets;
   * {@code slow a} ({@code b} is -1): every link of server a. Only with {@code --net netns}.
   */
  record Slow(int a, int b) implements Step {
    public Slow {
      Args.id("a", a);
      if (b != -1) {
        Args.id("b", b);
        Args.distinct(a, b);
      }
    }

    @Override public String command() {
      return "slow";
    }

    @Override public String toLine() {
      return command() + " " + a + (b < 0 ? "" : " " + b);
    }
  }

  /** {@code fast a b} or {@code fast a}: undoes the {@code slow} of the same arguments. */
  record Fast(int a, int b) implements Step {
    public Fast {
      Args.id("a", a);
      if (b != -1) {
        Args.id("b", b);
        Args.distinct(a, b);
      }
    }

    @Override public String command() {
      return "fast";
    }

    @Override public String toLine() {
      return command() + " " + a + (b < 0 ? "" : " " + b);
    }
  }
}
