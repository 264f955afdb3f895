package io.blastgate.importer.input;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean …?" for a misspelt field name or value: the closest candidate within two edits, or
 * else one that the typed text begins or ends short of. Used by the readers (a misspelt file, column
 * or top-level field) and by the importer's checks (a misspelt field or value of an entity).
 */
public final class Suggest {
  private static final int MAX_EDITS = 2;

  private Suggest() {}

  public static Optional<String> closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = MAX_EDITS + 1;
    for (String candidate : candidates) {
      int d = distance(typed.toLowerCase(), candidate.toLowerCase(), bestDistance);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best == null && typed.length() >= 3) {
      // A field cut short or run on ("last_used" for "last_used_at") is further than two edits away.
      String lower = typed.toLowerCase();
      best = candidates.stream()
          .filter(c -> c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()))
          .findFirst()
          .orElse(null);
    }
    return Optional.ofNullable(best);
  }

  /** " (did you mean 'x'?)" or "". */
  public static String hint(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** Levenshtein distance, giving up (returning {@code limit}) once it cannot beat {@code limit}. */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin >= limit) {
        return limit;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], limit);
  }
}
