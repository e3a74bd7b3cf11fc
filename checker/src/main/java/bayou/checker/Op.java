package bayou.checker;

import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.WriteId;
import java.util.Map;

/**
 * One client operation: its invocation paired with its completion, or with null when the history
 * ended before it completed (then, like {@code info}, its outcome is unknown).
 */
record Op(OpEvent invoke, OpEvent completion) {
  static final String ERR_KEY = "ERR_KEY";
  static final String ERR_DEP = "ERR_DEP";
  static final String DROPPED = "dropped";

  int process() {
    return invoke.process();
  }

  String f() {
    return invoke.f();
  }

  String key() {
    return invoke.key();
  }

  boolean isGet() {
    return "get".equals(f());
  }

  boolean isPut() {
    return "put".equals(f());
  }

  boolean isDelete() {
    return "delete".equals(f());
  }

  boolean isWrite() {
    return isPut() || isDelete();
  }

  boolean ok() {
    return completion != null && completion.type() == OpType.OK;
  }

  boolean failed() {
    return completion != null && completion.type() == OpType.FAIL;
  }

  /** Info or never completed: the operation may or may not have taken effect. */
  boolean indeterminate() {
    return completion == null || completion.type() == OpType.INFO;
  }

  /** A get that returned an answer about the key: a value or ERR_KEY. */
  boolean returnedRead() {
    return isGet() && ok();
  }

  boolean errKey() {
    return ok() && ERR_KEY.equals(completion.error());
  }

  boolean errDep() {
    return failed() && ERR_DEP.equals(completion.error());
  }

  /** A put or delete that its server (or its client, the server gone) refused to accept. */
  boolean dropped() {
    return isWrite() && failed() && DROPPED.equals(completion.error());
  }

  /** The URL a put wrote (from the invocation, where the client chose it). */
  String putValue() {
    return invoke.value() != null || completion == null ? invoke.value() : completion.value();
  }

  /** The URL an ok get returned, or null for ERR_KEY. */
  String readValue() {
    return errKey() ? null : completion.value();
  }

  /** The event that decided the operation: its completion, else its invocation. */
  long index() {
    return completion != null ? completion.index() : invoke.index();
  }

  long invokeIndex() {
    return invoke.index();
  }

  Map<String, Long> vv() {
    return completion == null ? null : completion.vv();
  }

  String serverName() {
    return completion == null ? null : completion.serverName();
  }

  WriteId writeId() {
    return completion == null ? null : completion.writeId();
  }

  WriteId readFrom() {
    return completion == null ? null : completion.readFrom();
  }
}
