package io.blastgate.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a person types into a Lucene query for the full-text index, in which the person's text can
 * only ever be terms: every character Lucene gives a meaning is escaped, and words are lower-cased so
 * that {@code AND}, {@code OR} and {@code NOT} stay words. Each word becomes a prefix term, so {@code
 * stripe key} finds "Stripe API key" ({@code stripe* AND key*}). A word with punctuation also matches
 * as its parts, because the index's analyzer splits names and ids at punctuation: {@code stripe-key}
 * becomes {@code (stripe\-key* OR (stripe* AND key*))}.
 */
final class LuceneQuery {
  /** Every character with a meaning in Lucene's classic query syntax. */
  private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

  private LuceneQuery() {}

  /** The query for a person's text; the text must hold at least one non-blank character. */
  static String forText(String text) {
    List<String> clauses = new ArrayList<>();
    for (String word : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!word.isEmpty()) {
        clauses.add(clause(word));
      }
    }
    if (clauses.isEmpty()) {
      throw new IllegalArgumentException("nothing to search for");
    }
    return String.join(" AND ", clauses);
  }

  private static String clause(String word) {
    String whole = escape(word) + "*";
    List<String> parts =
        Arrays.stream(word.split("[^\\p{L}\\p{N}]+")).filter(p -> !p.isEmpty()).toList();
    if (parts.isEmpty() || (parts.size() == 1 && parts.get(0).equals(word))) {
      return whole;
    }
    List<String> prefixes = parts.stream().map(p -> escape(p) + "*").toList();
    return "(" + whole + " OR (" + String.join(" AND ", prefixes) + "))";
  }

  static String escape(String term) {
    StringBuilder out = new StringBuilder(term.length() * 2);
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (SPECIAL.indexOf(c) >= 0 || Character.isWhitespace(c)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
