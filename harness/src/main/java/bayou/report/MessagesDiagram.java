package bayou.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.svg.SVGGraphics2D;

/**
 * {@code messages.svg}: a Lamport diagram of a simulated run's {@code messages.jsonl}, one
 * vertical line per node, one arrow per message from its sending to its delivery, coloured by
 * type; a lost message ends in a cross half way. The first {@link #MESSAGES_MAX} messages are
 * drawn and the diagram says how many were left out.
 */
final class MessagesDiagram {
  static final String INPUT = "messages.jsonl";
  static final int MESSAGES_MAX = 3_000;
  static final int NODE_GAP_PX = 120;
  static final int MARGIN_PX = 60;
  static final int PX_PER_MESSAGE = 6;
  private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14),
      new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189),
      new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
      new Color(188, 189, 34), new Color(23, 190, 207)};

  /** One line of messages.jsonl; delivered is -1 when the message was lost. */
  record Message(long sent, long delivered, int from, int to, String type) {}

  /** The messages read, and how many more lines the file held past the cap. */
  record Read(List<Message> messages, long leftOut) {}

  private MessagesDiagram() {}

  /** Reads at most MESSAGES_MAX messages, counting the rest without parsing them. */
  static Read read(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Message> messages = new ArrayList<>();
    long leftOut = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (messages.size() == MESSAGES_MAX) {
          leftOut++;
          continue;
        }
        JsonNode m = mapper.readTree(line);
        messages.add(new Message(m.path("sent").asLong(), m.path("delivered").asLong(-1),
            m.path("from").asInt(), m.path("to").asInt(), m.path("type").asText("?")));
      }
    }
    return new Read(messages, leftOut);
  }

  static String render(Read read) {
    List<Message> messages = read.messages();
    TreeSet<Integer> nodes = new TreeSet<>();
    Map<String, Color> colours = new LinkedHashMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Message m : messages) {
      nodes.add(m.from());
      nodes.add(m.to());
      colours.computeIfAbsent(m.type(), t -> PALETTE[colours.size() % PALETTE.length]);
      first = Math.min(first, m.sent());
      last = Math.max(last, Math.max(m.sent(), m.delivered()));
    }
    List<Integer> order = List.copyOf(nodes);
    int width = MARGIN_PX * 2 + Math.max(1, order.size() - 1) * NODE_GAP_PX + 160;
    int body = Math.max(300, messages.size() * PX_PER_MESSAGE);
    SVGGraphics2D g = new SVGGraphics2D(width, body + MARGIN_PX * 2 + 40);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.setPaint(Color.BLACK);
    g.drawString(messages.size() + " messages" + (read.leftOut() > 0 ? "; the "
        + read.leftOut() + " after the first " + MESSAGES_MAX + " are not drawn" : "")
        + "; time flows down (virtual microseconds " + (messages.isEmpty() ? "-" : first + " .. "
        + last) + ")", 10, 16);
    double span = Math.max(1, last - first);
    for (int i = 0; i < order.size(); i++) {
      int x = MARGIN_PX + i * NODE_GAP_PX;
      g.setPaint(Color.DARK_GRAY);
      g.drawString("node " + order.get(i), x - 20, MARGIN_PX - 8);
      g.draw(new Line2D.Double(x, MARGIN_PX, x, MARGIN_PX + body));
    }
    for (Message m : messages) {
      double x1 = MARGIN_PX + order.indexOf(m.from()) * NODE_GAP_PX;
      double x2 = MARGIN_PX + order.indexOf(m.to()) * NODE_GAP_PX;
      double y1 = MARGIN_PX + (m.sent() - first) / span * body;
      g.setPaint(colours.get(m.type()));
      if (m.delivered() < 0) {
        lost(g, x1, y1, (x1 + x2) / 2, y1 + 10);
      } else {
        arrow(g, x1, y1, x2, MARGIN_PX + (m.delivered() - first) / span * body);
      }
    }
    legend(g, colours, width - 150);
    return g.getSVGDocument();
  }

  private static void arrow(SVGGraphics2D g, double x1, double y1, double x2, double y2) {
    g.setStroke(new BasicStroke(1f));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
    double angle = Math.atan2(y2 - y1, x2 - x1);
    for (double side : new double[] {-0.4, 0.4}) {
      g.draw(new Line2D.Double(x2, y2, x2 - 7 * Math.cos(angle + side),
          y2 - 7 * Math.sin(angle + side)));
    }
  }

  private static void lost(SVGGraphics2D g, double x1, double y1, double x2, double y2) {
    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {4f, 3f}, 0f));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
    g.setStroke(new BasicStroke(1.5f));
    g.draw(new Line2D.Double(x2 - 4, y2 - 4, x2 + 4, y2 + 4));
    g.draw(new Line2D.Double(x2 - 4, y2 + 4, x2 + 4, y2 - 4));
  }

  private static void legend(SVGGraphics2D g, Map<String, Color> colours, int x) {
    int y = MARGIN_PX;
    for (Map.Entry<String, Color> entry : colours.entrySet()) {
      g.setPaint(entry.getValue());
      g.fillRect(x, y - 9, 10, 10);
      g.setPaint(Color.BLACK);
      g.drawString(entry.getKey(), x + 14, y);
      y += 16;
    }
    g.drawString("- - x  lost", x, y);
  }
}
