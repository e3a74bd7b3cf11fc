package bayou.history;

/** The JSON names of event fields: Jepsen's where Jepsen has one. */
final class JsonFields {
  static final String INDEX = "index";
  static final String TIME = "time";
  static final String TYPE = "type";
  static final String PROCESS = "process";
  static final String F = "f";
  static final String KEY = "key";
  static final String VALUE = "value";
  static final String ERROR = "error";
  static final String SERVER = "server";
  static final String SERVER_NAME = "server-name";
  static final String VV = "vv";
  static final String WRITE_ID = "write-id";
  static final String READ_FROM = "read-from";
  static final String READ_SET = "read-set";
  static final String WRITE_SET = "write-set";
  static final String COMMITS = "commits";
  static final String FLOOR = "floor";
  static final String A = "a";
  static final String B = "b";
  static final String NAME = "name";
  static final String DETAIL = "detail";
  static final String REASON = "reason";
  static final String PRIMARY = "primary";
  static final String COMMITTED = "committed";
  static final String TENTATIVE = "tentative";
  static final String ID = "id";
  static final String CSN = "csn";
  static final String OP = "op";
  static final String STAMP = "stamp";
  static final String ACCEPTOR = "acceptor";

  /** The type of nemesis events, as in Jepsen. */
  static final String INFO = "info";
  /** The process of nemesis events, as in Jepsen. */
  static final String NEMESIS = "nemesis";
  /** The type of log snapshots (not a Jepsen type: Jepsen has no snapshots). */
  static final String SNAPSHOT = "snapshot";

  private JsonFields() {}
}
