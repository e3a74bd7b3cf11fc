package bayou.cluster;

import bayou.replica.Write;
import bayou.wire.Msg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a log that a server sent in chunks (see {@code Msg.LogDump}) back together. Chunks of a
 * request arrive in order on one connection; the whole log is the reply to the request. Used by
 * one reader thread at a time.
 */
final class LogChunks {
  private final Map<Long, List<Msg.LogDump>> pending = new HashMap<>();

  /** The reply to pass on: itself unless it is a chunk; a chunk's whole log when it is the last. */
  Msg.Reply offer(Msg.Reply reply) {
    Msg.LogDump log = reply.log();
    if (log == null || log.parts() == 1) {
      return reply;
    }
    List<Msg.LogDump> parts = pending.computeIfAbsent(reply.req(), req -> new ArrayList<>());
    if (log.part() != parts.size()) {
      pending.remove(reply.req());
      throw new IllegalArgumentException("log chunk " + log.part() + " of request "
          + reply.req() + " came after " + parts.size() + " chunks");
    }
    parts.add(log);
    if (parts.size() < log.parts()) {
      return null;
    }
    pending.remove(reply.req());
    List<Write> committed = new ArrayList<>();
    List<Write> tentative = new ArrayList<>();
    for (Msg.LogDump part : parts) {
      committed.addAll(part.committed());
      tentative.addAll(part.tentative());
    }
    return new Msg.Reply(reply.req(), reply.ok(), reply.error(), reply.name(), reply.digest(),
        new Msg.LogDump(log.name(), log.primary(), committed, tentative, log.vv(), 0, 1,
            parts.get(0).committedFrom()), reply.op());
  }
}
