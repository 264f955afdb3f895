package io.blastgate.importer.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One CODEOWNERS path pattern ({@code importers/codeowners/README.md}, "Patterns"), as GitHub and
 * GitLab read it: gitignore's rules without negation. A pattern with a slash at its start or in its
 * middle is anchored at the repository's root, else it matches a name at any depth; a trailing slash
 * matches a folder only (and so everything in it); {@code *} and {@code ?} never match a slash, {@code
 * **} matches any number of folders; a pattern that matches a folder matches everything in it, except
 * one whose last part is a {@code *} wildcard ({@code docs/*}: the files directly in {@code docs}, not
 * deeper, as both hosts document). {@code [abc]} is a character class (GitLab's fnmatch; GitHub
 * documents ranges as not working).
 */
final class CodeownersPattern {
  /** Thrown for a pattern that cannot be read (an unterminated class, an empty pattern). */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /**
   * A path segment that stands for any name: a file or folder the CODEOWNERS file cannot know. Only a
   * segment made of {@code *} alone matches it, never a literal, a {@code ?} or {@code *.go}.
   */
  private static final String ANY = "\u0000";

  private final String text;
  private final List<Segment> segments;
  private final boolean folderOnly;
  /** The last segment is a wildcard such as {@code *}: what it matches is matched, not its contents. */
  private final boolean matchesNoContents;

  private record Segment(String literal, Pattern glob) {
    boolean isDoubleStar() {
      return "**".equals(literal);
    }

    boolean matches(String name) {
      if (ANY.equals(name)) {
        return glob != null && glob.pattern().equals("[^/]*");
      }
      return glob == null ? literal.equals(name) : glob.matcher(name).matches();
    }
  }

  private CodeownersPattern(String text, List<Segment> segments, boolean folderOnly, boolean matchesNoContents) {
    this.text = text;
    this.segments = segments;
    this.folderOnly = folderOnly;
    this.matchesNoContents = matchesNoContents;
  }

  /** Compiles {@code pattern}, already unescaped ({@code \#} is {@code #}) and without GitLab's {@code !}. */
  static CodeownersPattern of(String pattern) throws Invalid {
    String p = pattern;
    boolean folderOnly = p.endsWith("/") && p.length() > 1;
    if (folderOnly) {
      p = p.substring(0, p.length() - 1);
    }
    boolean anchored = p.startsWith("/") || p.contains("/");
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    List<Segment> segments = new ArrayList<>();
    if (!anchored) {
      segments.add(new Segment("**", null));
    }
    for (String part : p.split("/", -1)) {
      if (part.isEmpty()) {
        if (p.isEmpty()) {
          // "/" alone: the root folder, so everything in the repository.
          segments.add(new Segment("**", null));
          break;
        }
        throw new Invalid("'" + pattern + "' has an empty path segment ('//')");
      }
      segments.add(segment(pattern, part));
    }
    Segment last = segments.get(segments.size() - 1);
    boolean noContents = !folderOnly && last.glob() != null && last.literal().contains("*") && !last.isDoubleStar();
    return new CodeownersPattern(pattern, List.copyOf(segments), folderOnly, noContents);
  }

  private static Segment segment(String pattern, String part) throws Invalid {
    if (part.equals("**")) {
      return new Segment(part, null);
    }
    if (part.indexOf('*') < 0 && part.indexOf('?') < 0 && part.indexOf('[') < 0) {
      return new Segment(part, null);
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      switch (c) {
        case '*' -> {
          while (i + 1 < part.length() && part.charAt(i + 1) == '*') {
            i++;
          }
          regex.append("[^/]*");
        }
        case '?' -> regex.append("[^/]");
        case '[' -> {
          int close = part.indexOf(']', i + 2);
          if (close < 0) {
            throw new Invalid("'" + pattern + "' opens a character class '[' that it never closes");
          }
          String body = part.substring(i + 1, close);
          regex.append('[').append(body.startsWith("!") ? "^" + quoteClass(body.substring(1)) : quoteClass(body))
              .append(']');
          i = close;
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    try {
      return new Segment(part, Pattern.compile(regex.toString()));
    } catch (PatternSyntaxException e) {
      throw new Invalid("'" + pattern + "' has a character class that cannot be read");
    }
  }

  private static String quoteClass(String body) {
    return body.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "\\&\\&");
  }

  /**
   * The folder path this pattern names when it is anchored and has no wildcard ({@code /services/cart/}
   * → {@code services/cart}): it covers that folder and every folder below, which an index can find
   * without matching. Null for any other pattern.
   */
  String literalPath() {
    StringBuilder path = new StringBuilder();
    for (Segment segment : segments) {
      if (segment.glob() != null || segment.isDoubleStar()) {
        return null;
      }
      path.append(path.isEmpty() ? "" : "/").append(segment.literal());
    }
    return path.toString();
  }

  /** The pattern as written. */
  String text() {
    return text;
  }

  /** Whether this pattern matches the file {@code path} (segments from the repository's root). */
  boolean matchesFile(List<String> path) {
    // A folder on the way matches with its contents; the file itself, unless only a folder may match.
    for (int end = 1; end <= path.size(); end++) {
      boolean isFile = end == path.size();
      if (isFile && folderOnly || !isFile && matchesNoContents) {
        continue;
      }
      if (matches(0, path, 0, end)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this pattern matches everything in the folder {@code folder} (empty: the whole
   * repository): a file of any name directly in it and one in any folder below it.
   */
  boolean coversFolder(List<String> folder) {
    List<String> direct = new ArrayList<>(folder);
    direct.add(ANY);
    List<String> deeper = new ArrayList<>(direct);
    deeper.add(ANY);
    return matchesFile(direct) && matchesFile(deeper);
  }

  private boolean matches(int s, List<String> path, int p, int end) {
    if (s == segments.size()) {
      return p == end;
    }
    Segment segment = segments.get(s);
    if (segment.isDoubleStar()) {
      for (int skip = p; skip <= end; skip++) {
        if (matches(s + 1, path, skip, end)) {
          return true;
        }
      }
      return false;
    }
    return p < end && segment.matches(path.get(p)) && matches(s + 1, path, p + 1, end);
  }

  /** A folder path ({@code services/x}, empty or "/" for the root) as segments. */
  static List<String> segments(String folder) {
    List<String> out = new ArrayList<>();
    if (folder == null) {
      return out;
    }
    for (String part : folder.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        out.add(part);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return text;
  }
}
