package bayou.report;

/**
 * Escaping for everything that comes from a history or a results file: keys, values, server
 * names and explanations are data, never markup.
 */
final class Html {
  private Html() {}

  /** Text or an attribute value, safe between tags and inside double or single quotes. */
  static String escape(Object value) {
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The start of every page: a title, the shared style, and a collector of script errors. */
  static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        + "<link rel=\"icon\" href=\"data:,\">\n<title>"
        + escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n";
  }

  static final String STYLE = "body{font-family:system-ui,sans-serif;margin:1.2em;color:#222}"
      + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;"
      + "text-align:left;vertical-align:top}th{background:#f3f3f3}"
      + ".valid{color:#161}.invalid{color:#b00;font-weight:bold}.unknown{color:#a60}"
      + "code,pre{background:#f6f6f6}pre{padding:4px;white-space:pre-wrap}"
      + "img{max-width:100%;border:1px solid #ddd;margin:4px 0}";
}
