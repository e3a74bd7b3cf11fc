package bayou.replica;

import bayou.history.WriteId;
import java.util.Map;

/**
 * The answer to a get: a value, ERR_KEY or ERR_DEP, with the write behind it and the server's
 * version vector at the reply.
 */
public record ReadResult(String value, String error, WriteId readFrom, Map<String, Long> vv) {
  public static final String ERR_KEY = "ERR_KEY";
  public static final String ERR_DEP = "ERR_DEP";

  static ReadResult errDep(Map<String, Long> vv) {
    return new ReadResult(null, ERR_DEP, null, vv);
  }

  static ReadResult of(Write last, Map<String, Long> vv) {
    if (last == null) {
      return new ReadResult(null, ERR_KEY, null, vv);
    }
    if (last.op().equals(Write.DELETE)) {
      return new ReadResult(null, ERR_KEY, last.id(), vv);
    }
    return new ReadResult(last.value(), null, last.id(), vv);
  }
}
