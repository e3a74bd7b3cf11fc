package bayou.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/**
 * One message per line of JSON: {@code {"from":id,"type":"Pull","body":{...}}}. Lines keep the
 * framing trivial and the traffic readable when debugging. Both directions stream (no JSON tree
 * in between): every server sends and receives many of these per client write.
 */
public final class Wire {
  /**
   * The longest line a reader accepts, in bytes. Messages that carry a log (a creation's
   * reply, a hand-off, a push to a server that was cut off, a log for the master) carry it in
   * chunks of {@link #chunkBytes} (WireHardeningTest, ChunkedTransferTest), so a log of any
   * length crosses. A node reads at most this much per connection.
   */
  public static final int LINE_BYTES_MAX = 8 << 20;
  /**
   * How much of a line the writes of a chunked log may take, estimated with characters as
   * bytes: an eighth, since escapes and multi-byte text make a write's encoding up to six times
   * its characters (a control character becomes six), and the rest of the message needs room.
   */
  private static final int CHUNK_SHARE = 8;
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final Map<String, Class<? extends Msg>> TYPES = new HashMap<>();

  static {
    for (Class<?> type : Msg.class.getPermittedSubclasses()) {
      TYPES.put(type.getSimpleName(), type.asSubclass(Msg.class));
    }
  }

  /** A decoded line: who sent it and what. */
  public record Envelope(int from, Msg msg) {}

  private Wire() {}

  /**
   * The most a message carries of a log, in estimated bytes of writes, on a wire whose lines
   * hold {@code lineBytesMax}: pushes, creations, hand-offs and logs for the master are cut in
   * chunks of this. The master's lines bound a write, so one always fits.
   */
  public static long chunkBytes(int lineBytesMax) {
    return lineBytesMax / CHUNK_SHARE;
  }

  public static String encode(int from, Msg msg) {
    return "{\"from\":" + from + ",\"type\":\"" + msg.getClass().getSimpleName() + "\",\"body\":"
        + GSON.toJson(msg) + "}";
  }

  /** Decodes one line; throws IllegalArgumentException with the reason on a malformed line. */
  public static Envelope decode(String line) {
    try (JsonReader reader = new JsonReader(new StringReader(line))) {
      reader.beginObject();
      Integer from = null;
      Class<? extends Msg> type = null;
      Msg msg = null;
      while (reader.hasNext()) {
        switch (reader.nextName()) {
          case "from" -> from = reader.nextInt();
          case "type" -> type = type(reader.nextString());
          case "body" -> {
            if (type == null) {
              throw new IllegalArgumentException("body before type");
            }
            msg = GSON.fromJson(reader, type);
          }
          default -> reader.skipValue();
        }
      }
      reader.endObject();
      if (from == null || msg == null) {
        throw new IllegalArgumentException("missing from or body");
      }
      return new Envelope(from, msg);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("malformed message line: " + reason(e), e);
    }
  }

  /** The innermost message: a record's own check says more than the codec's wrapper. */
  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private static Class<? extends Msg> type(String name) {
    Class<? extends Msg> cls = TYPES.get(name);
    if (cls == null) {
      throw new IllegalArgumentException("unknown message type " + name);
    }
    return cls;
  }
}
