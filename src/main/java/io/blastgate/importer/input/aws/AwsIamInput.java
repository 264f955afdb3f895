package io.blastgate.importer.input.aws;

import io.blastgate.importer.input.Locations;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.SourceInput;
import io.blastgate.model.Label;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One AWS input, read whole into {@link AwsEntities} on each pass (an account's IAM fits in memory; its
 * policies, the bulk of the export, are streamed past and never kept) and handed on. Positions are the
 * entities' order; each is located where the input first lists it ({@code file#/RoleDetailList/3},
 * {@code credential-report.csv:4}).
 */
final class AwsIamInput implements SourceInput {
  private final List<AwsFiles.Found> files;
  private final Optional<String> requested;
  private final String inputName;
  private List<String> where = List.of();
  private String account;

  AwsIamInput(List<AwsFiles.Found> files, Optional<String> requested, String inputName) {
    this.files = List.copyOf(files);
    this.requested = requested;
    this.inputName = inputName;
  }

  @Override
  public Locations locations() {
    return new Locations() {
      @Override
      public String of(Label label, long position, String field, int item) {
        String at = position >= 0 && position < where.size() ? where.get((int) position) : JsonFile.at(inputName, "");
        return field == null ? at : at + " (" + field + (item >= 0 ? "[" + item + "]" : "") + ")";
      }

      @Override
      public long order(Label label, long position) {
        return position;
      }
    };
  }

  @Override
  public boolean read(Visitor visitor, Problems problems) throws IOException {
    AwsEntities out = new AwsEntities(problems);
    TrustedPrincipals principals = new TrustedPrincipals(out);
    List<AuthorizationDetails.Trust> trusts = new ArrayList<>();
    Map<String, Integer> accounts = new LinkedHashMap<>();
    Consumer<String> accountSeen = a -> accounts.merge(a, 1, Integer::sum);
    AuthorizationDetails details = new AuthorizationDetails(out, principals, trusts, accountSeen);
    CredentialReport report = new CredentialReport(out, accountSeen, problems);
    Listings listings = new Listings(out, problems);
    String caller = null;
    boolean complete = true;
    boolean reportSeen = false;
    for (AwsFiles.Found file : files) {
      switch (file.kind()) {
        case AUTHORIZATION_DETAILS -> complete &= details.read(file.path(), file.name(), problems);
        case CALLER_IDENTITY -> caller = listings.account(file.path(), file.name());
        case CREDENTIAL_REPORT_CSV, CREDENTIAL_REPORT_JSON -> {
          if (reportSeen) {
            problems.error(Problems.TOP, file.name(), "a second credential report: an input holds one");
          } else if (file.kind() == AwsFiles.Kind.CREDENTIAL_REPORT_CSV) {
            report.readCsv(file.path(), file.name());
          } else {
            report.readJson(file.path(), file.name());
          }
          reportSeen = true;
        }
        case INSTANCE_PROFILES -> listings.instanceProfiles(file.path(), file.name());
        case SECRETS -> listings.secrets(file.path(), file.name());
        case FUNCTIONS -> listings.functions(file.path(), file.name());
        case OTHER -> problems.warning(Problems.TOP, file.name(), "not read: not an output this importer reads"
            + " (it reads " + readable() + ")");
      }
    }
    for (AuthorizationDetails.Trust trust : trusts) {
      trust.principals().forEach(p -> principals.resolve(trust.role(), trust.arn(), p, trust.in()));
    }
    out.reportUnmapped();
    account = caller != null ? caller : mostFrequent(accounts);
    // The live list, which emit fills as it hands each entity on: the checks of an entity run as it is
    // handed on, and must find its place (it was read after emit, so they named the input instead).
    where = out.locations();
    out.emit(visitor);
    return complete;
  }

  private static String readable() {
    List<String> names = new ArrayList<>();
    for (AwsFiles.Kind kind : AwsFiles.Kind.values()) {
      if (kind != AwsFiles.Kind.OTHER) {
        names.add(kind.output);
      }
    }
    return String.join(", ", names);
  }

  /** The account most users and roles belong to (a 12-digit id; AWS-managed ones say {@code aws}). */
  private static String mostFrequent(Map<String, Integer> accounts) {
    return accounts.entrySet().stream()
        .filter(e -> e.getKey().matches("\\d{12}"))
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(null);
  }

  /** The source asked for, else {@code aws-<account>}, else the input's name without its extension. */
  @Override
  public String source(Problems problems) {
    String name = sourceForReport();
    if (!SourceInput.validSourceName(name)) {
      problems.error(Problems.TOP, "source", "'" + name + "' is not a valid source name: "
          + SourceInput.sourceNameRule() + "; the input names no AWS account, so name the source");
      return null;
    }
    return name;
  }

  @Override
  public String sourceForReport() {
    if (requested.isPresent()) {
      return requested.get();
    }
    if (account != null) {
      return "aws-" + account;
    }
    return inputName.replaceFirst("\\.[^.]*$", "");
  }
}
