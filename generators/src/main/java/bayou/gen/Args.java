package bayou.gen;

/** Argument checks shared by the {@link Step} records, with messages that name the field. */
final class Args {
  private Args() {
  }

  static void id(String what, int id) {
    if (id < 0) {
      throw new IllegalArgumentException(what + " id must be >= 0, got " + id);
    }
  }

  static void distinct(int a, int b) {
    if (a == b) {
      throw new IllegalArgumentException("the two ids must differ, got " + a + " twice");
    }
  }

  /** A key or value is one token of a whitespace-separated line, so it may not hold spaces. */
  static void word(String what, String word) {
    if (word == null || word.isEmpty()) {
      throw new IllegalArgumentException(what + " must be a non-empty word, got "
          + (word == null ? "null" : "\"\""));
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isWhitespace(word.charAt(i))) {
        throw new IllegalArgumentException(what + " must not contain whitespace, got \""
            + word + "\"");
      }
    }
  }
}
