package io.blastgate.importer.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules of one CODEOWNERS file, GitHub's and GitLab's syntax alike ({@code
 * importers/codeowners/README.md}): rules before any section header form an unnamed section, and each
 * GitLab section ({@code [Name]}, optional {@code ^[Name]}, {@code [Name][2]}, default owners after the
 * header; headers of one name, compared without case, are one section) is evaluated on its own. A
 * folder's owners are the union over sections of the owners of the last rule in each that covers the
 * folder, unless an exclusion ({@code !path}) of that section covers it; a rule with no owners (and no
 * section defaults) un-owns. Problems are reported at {@code file:line}.
 */
final class CodeownersRules {
  /** An owner as the graph has it: {@code team:<team>}, {@code person:<user>} or {@code person:<email>}. */
  record Owner(String id, String kind, String email) {}

  /** One rule: its line, its pattern, whether it excludes, and its owners (empty: it un-owns). */
  record Rule(int line, CodeownersPattern pattern, boolean exclusion, List<Owner> owners) {
    Rule {
      owners = List.copyOf(owners);
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final Map<String, List<Rule>> sections = new LinkedHashMap<>();
  private final Map<String, Integer> notMapped = new TreeMap<>();
  private final String file;
  private final Problems problems;
  private List<Rule> current;
  private List<Owner> defaults = List.of();
  /** Built on the first {@link #ownersOf}, after parsing. */
  private List<SectionIndex> index;

  private CodeownersRules(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
    this.current = sections.computeIfAbsent("", s -> new ArrayList<>());
  }

  /** Reads {@code lines}, reporting problems at {@code file:line}. */
  static CodeownersRules parse(List<String> lines, String file, Problems problems) {
    CodeownersRules rules = new CodeownersRules(file, problems);
    for (int i = 0; i < lines.size(); i++) {
      rules.line(i + 1, lines.get(i).strip());
    }
    return rules;
  }

  /** The rules, by section (the unnamed one first, named ones lower-cased), in file order. */
  Map<String, List<Rule>> sections() {
    return sections;
  }

  /** What was read but is not mapped, with counts ({@code role owners (@@developer)}). */
  Map<String, Integer> notMapped() {
    return notMapped;
  }

  /** Every rule that names owners, in file order. */
  List<Rule> owningRules() {
    return sections.values().stream().flatMap(List::stream).filter(r -> !r.owners().isEmpty())
        .sorted(java.util.Comparator.comparingInt(Rule::line)).toList();
  }

  /**
   * The owners of {@code folder} (segments from the root; empty for the whole repository), each with
   * the rule that makes it one: per section the last rule that covers the folder, none if an
   * exclusion of the section covers it.
   */
  Map<Owner, Rule> ownersOf(List<String> folder) {
    if (index == null) {
      index = new ArrayList<>();
      sections.values().forEach(rules -> index.add(new SectionIndex(rules)));
    }
    Map<Owner, Rule> owners = new LinkedHashMap<>();
    for (SectionIndex section : index) {
      Rule last = section.last(folder);
      if (last != null) {
        for (Owner owner : last.owners()) {
          owners.putIfAbsent(owner, last);
        }
      }
    }
    return owners;
  }

  /**
   * One section's rules, ready to ask many folders: rules that name a folder without wildcards are
   * found through the folder's ancestors in a map, the others matched from the last one up.
   */
  private static final class SectionIndex {
    private final List<Rule> rules;
    /** A literal folder path to the index of the last rule naming it. */
    private final Map<String, Integer> literal = new java.util.HashMap<>();
    private final List<Integer> patterned = new ArrayList<>();
    private final List<Rule> exclusions = new ArrayList<>();

    SectionIndex(List<Rule> rules) {
      this.rules = rules;
      for (int i = 0; i < rules.size(); i++) {
        Rule rule = rules.get(i);
        String path = rule.pattern().literalPath();
        if (rule.exclusion()) {
          exclusions.add(rule);
        } else if (path != null) {
          literal.put(path, i);
        } else {
          patterned.add(i);
        }
      }
    }

    /** The last rule that covers {@code folder}; null when none does or an exclusion covers it. */
    Rule last(List<String> folder) {
      for (Rule exclusion : exclusions) {
        if (exclusion.pattern().coversFolder(folder)) {
          return null;
        }
      }
      int best = -1;
      StringBuilder ancestor = new StringBuilder();
      for (String name : folder) {
        ancestor.append(ancestor.isEmpty() ? "" : "/").append(name);
        best = Math.max(best, literal.getOrDefault(ancestor.toString(), -1));
      }
      for (int i = patterned.size() - 1; i >= 0 && patterned.get(i) > best; i--) {
        if (rules.get(patterned.get(i)).pattern().coversFolder(folder)) {
          best = patterned.get(i);
          break;
        }
      }
      return best < 0 ? null : rules.get(best);
    }
  }

  private void line(int line, String text) {
    if (text.isEmpty() || text.startsWith("#")) {
      return;
    }
    if (text.startsWith("[") || text.startsWith("^[")) {
      section(line, text);
      return;
    }
    List<String> tokens = tokens(text);
    String pattern = tokens.get(0);
    boolean exclusion = pattern.startsWith("!");
    if (exclusion) {
      pattern = pattern.substring(1);
    }
    CodeownersPattern compiled;
    try {
      compiled = CodeownersPattern.of(pattern);
      if (pattern.isEmpty()) {
        throw new CodeownersPattern.Invalid("'!' excludes no path");
      }
    } catch (CodeownersPattern.Invalid e) {
      problems.error(Problems.TOP, at(line), "invalid pattern: " + e.getMessage());
      return;
    }
    List<Owner> owners = owners(line, tokens.subList(1, tokens.size()));
    if (owners == null) {
      return;
    }
    if (exclusion && !owners.isEmpty()) {
      problems.warning(Problems.TOP, at(line), "an exclusion ('!" + pattern + "') takes no owners; the owners on"
          + " this line are ignored, as GitLab ignores them");
    }
    boolean takesDefaults = owners.isEmpty() && tokens.size() == 1 && !exclusion;
    current.add(new Rule(line, compiled, exclusion, exclusion ? List.of() : takesDefaults ? defaults : owners));
  }

  /** {@code [Name]}, {@code ^[Name]}, {@code [Name][2]}, each followed by the section's default owners. */
  private void section(int line, String text) {
    boolean optional = text.startsWith("^");
    String rest = optional ? text.substring(1) : text;
    int close = rest.indexOf(']');
    if (close < 0) {
      problems.error(Problems.TOP, at(line), "a section header '[' that never closes with ']' (a section is"
          + " written [Name], ^[Name] or [Name][approvals])");
      current = new ArrayList<>();
      return;
    }
    String name = rest.substring(1, close).strip();
    if (name.isEmpty()) {
      problems.error(Problems.TOP, at(line), "a section header with no name ('[]')");
      current = new ArrayList<>();
      return;
    }
    rest = rest.substring(close + 1);
    if (rest.startsWith("[")) {
      int end = rest.indexOf(']');
      if (end < 0 || !rest.substring(1, end).strip().matches("[0-9]+")) {
        problems.error(Problems.TOP, at(line), "the approvals of section '" + name + "' must be a number in"
            + " brackets ([" + name + "][2])");
        current = new ArrayList<>();
        return;
      }
      notMapped.merge("approval counts ([Name][N])", 1, Integer::sum);
      rest = rest.substring(end + 1);
    }
    List<Owner> owners = owners(line, tokens(rest.strip()).stream().filter(t -> !t.isEmpty()).toList());
    defaults = owners == null ? List.of() : owners;
    current = sections.computeIfAbsent(name.toLowerCase(Locale.ROOT), s -> new ArrayList<>());
  }

  /** The owners of a line; null, with an error, when one is neither a user, a team nor an email. */
  private List<Owner> owners(int line, List<String> tokens) {
    List<Owner> owners = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.startsWith("#")) {
        notMapped.merge("inline comments (GitHub reads no comment after a rule)", 1, Integer::sum);
        break;
      }
      Owner owner = owner(token);
      if (owner == null && token.startsWith("@@")) {
        notMapped.merge("role owners (" + token + ")", 1, Integer::sum);
      } else if (owner == null) {
        problems.error(Problems.TOP, at(line), "'" + token + "' is not an owner: an owner is @user, @org/team or"
            + " an email address");
        valid = false;
      } else if (!owners.contains(owner)) {
        owners.add(owner);
      }
    }
    return valid ? owners : null;
  }

  /** {@code @user}, {@code @org/team} (GitLab: {@code @group/sub/team}), or an email address. */
  static Owner owner(String token) {
    if (token.startsWith("@") && !token.startsWith("@@")) {
      String[] parts = token.substring(1).split("/", -1);
      for (String part : parts) {
        if (!NAME.matcher(part).matches()) {
          return null;
        }
      }
      return parts.length == 1 ? new Owner("person:" + parts[0], "person", null)
          : new Owner("team:" + parts[parts.length - 1], "team", null);
    }
    if (EMAIL.matcher(token).matches()) {
      return new Owner("person:" + token, "person", token);
    }
    return null;
  }

  /** Splits on unescaped blanks; a backslash makes the next character literal ({@code \#}, {@code \ }). */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        token.append(text.charAt(++i));
      } else if (c == ' ' || c == '\t') {
        if (!token.isEmpty()) {
          tokens.add(token.toString());
          token.setLength(0);
        }
      } else {
        token.append(c);
      }
    }
    if (!token.isEmpty() || tokens.isEmpty()) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  private String at(int line) {
    return file + ":" + line;
  }
}
