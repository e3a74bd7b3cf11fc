package bayou.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.Map;

/**
 * One message per line of JSON: {@code {"from":id,"type":"Pull","body":{...}}}. Lines keep the
 * framing trivial and the traffic readable when debugging.
 */
public final class Wire {
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

  public static String encode(int from, Msg msg) {
    JsonObject line = new JsonObject();
    line.addProperty("from", from);
    line.addProperty("type", msg.getClass().getSimpleName());
    line.add("body", GSON.toJsonTree(msg));
    return GSON.toJson(line);
  }

  /** Decodes one line; throws IllegalArgumentException with the reason on a malformed line. */
  public static Envelope decode(String line) {
    try {
      JsonObject object = JsonParser.parseString(line).getAsJsonObject();
      String type = object.get("type").getAsString();
      Class<? extends Msg> cls = TYPES.get(type);
      if (cls == null) {
        throw new IllegalArgumentException("unknown message type " + type);
      }
      return new Envelope(object.get("from").getAsInt(), GSON.fromJson(object.get("body"), cls));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed message line: " + e.getMessage(), e);
    }
  }
}
