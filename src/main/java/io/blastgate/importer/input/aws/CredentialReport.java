package io.blastgate.importer.input.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.blastgate.importer.input.CsvSyntax;
import io.blastgate.importer.input.Problems;
import io.blastgate.importer.input.Utf8Reader;
import io.blastgate.importer.input.aws.AwsEntities.Entity;
import io.blastgate.model.Label;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The IAM credential report ({@code aws iam get-credential-report}): as its CSV, or as the JSON the API
 * and CLI return ({@code {"Content": <base64 of the CSV>, "ReportFormat": "text/csv", …}}; a Content
 * already decoded, as some tools save it, is read too). One row per user, and one for the account's
 * root user ({@code <root_account>}): each user an identity, each password, access key and signing
 * certificate a credential that authenticates as it. Values {@code N/A}, {@code no_information} and
 * {@code not_supported} are "unknown": the field is left out. Columns it does not know are ignored (AWS
 * adds some over the years); {@code user} and {@code arn} are required.
 */
final class CredentialReport {
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
  private static final String ROOT = "<root_account>";

  /** Where a cell is: {@code file:line:column}, or inside a JSON file's Content. */
  private interface Where {
    String at(long line, int column);
  }

  private final AwsEntities out;
  private final Consumer<String> accountSeen;
  private final Problems problems;

  CredentialReport(AwsEntities out, Consumer<String> accountSeen, Problems problems) {
    this.out = out;
    this.accountSeen = accountSeen;
    this.problems = problems;
  }

  void readCsv(Path file, String shown) throws IOException {
    try (Reader reader = new Utf8Reader(Files.newInputStream(file))) {
      rows(reader, shown, (line, column) -> shown + ":" + line + (column > 0 ? ":" + column : ""));
    }
  }

  void readJson(Path file, String shown) throws IOException {
    Checked in = new Checked(shown, problems);
    Map<String, JsonNode> top = new HashMap<>();
    if (!JsonFile.stream(file, shown, problems, new JsonFile.Members() {
      @Override
      public void member(String name, JsonNode value) {
        top.put(name, value);
      }

      @Override
      public void element(String array, int index, JsonNode value) {}
    })) {
      return;
    }
    String format = top.containsKey("ReportFormat") && top.get("ReportFormat").isTextual()
        ? top.get("ReportFormat").textValue() : null;
    if (format != null && !format.equals("text/csv")) {
      in.error("/ReportFormat", "the credential report is '" + format + "'; only text/csv is read");
      return;
    }
    JsonNode content = top.get("Content");
    if (content == null || !content.isTextual()) {
      in.error("/Content", "'Content' must be the report's CSV, base64-encoded, got "
          + (content == null ? "nothing" : JsonFile.describe(content)));
      return;
    }
    String text = content.textValue();
    if (!text.startsWith("user,")) {
      try {
        text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        in.error("/Content", "'Content' is neither the report's CSV nor base64 of it");
        return;
      }
    }
    String base = in.at("/Content");
    rows(new StringReader(text), base, (line, column) -> base + ":" + line + (column > 0 ? ":" + column : ""));
  }

  private void rows(Reader reader, String shown, Where where) throws IOException {
    try (CSVParser parser = CSVParser.parse(reader, CSV)) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        problems.error(Problems.TOP, where.at(1, 0), "the credential report is empty");
        return;
      }
      Map<String, Integer> columns = new HashMap<>();
      CSVRecord header = records.next();
      for (int i = 0; i < header.size(); i++) {
        columns.putIfAbsent(header.get(i).strip().replace("\uFEFF", ""), i);
      }
      for (String required : new String[] {"user", "arn"}) {
        if (!columns.containsKey(required)) {
          problems.error(Problems.TOP, where.at(1, 0), "the credential report's header has no '" + required
              + "' column (it starts user,arn,user_creation_time,…)");
          return;
        }
      }
      while (records.hasNext()) {
        CSVRecord record = records.next();
        new Row(record, columns, where).read();
      }
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      if (cause instanceof Utf8Reader.NotUtf8 bad) {
        problems.error(Problems.TOP, where.at(bad.line(), 0), "not UTF-8 at column " + bad.column() + " (bytes "
            + bad.bytes() + "): save the report as UTF-8; the rest of it was not read");
      } else if (cause instanceof CSVException) {
        problems.error(Problems.TOP, shown, CsvSyntax.describe(cause.getMessage()) + "; the rest of the report was not read");
      } else {
        throw cause;
      }
    }
  }

  /** One user's row. */
  private final class Row {
    private final CSVRecord record;
    private final Map<String, Integer> columns;
    private final Where where;
    private final long line;

    Row(CSVRecord record, Map<String, Integer> columns, Where where) {
      this.record = record;
      this.columns = columns;
      this.where = where;
      this.line = record.getRecordNumber();
    }

    void read() {
      String user = cell("user");
      String arnText = cell("arn");
      Arn arn = arnText == null ? null : Arn.parse(arnText).orElse(null);
      if (user == null || arn == null) {
        problems.error(Problems.TOP, where.at(line, column("arn")), "a row needs its user and its ARN");
        return;
      }
      accountSeen.accept(arn.account());
      boolean root = user.equals(ROOT);
      Entity identity = root
          ? out.listed(Label.IDENTITY, arn.text(), "role", "AWS account " + arn.account(), where.at(line, 0))
          : out.listed(Label.IDENTITY, arn.text(), "service_account", user, where.at(line, 0));
      Boolean password = bool("password_enabled");
      if (!root) {
        identity.user = true;
        identity.consolePassword = Boolean.TRUE.equals(password);
      }
      Boolean mfa = bool("mfa_active");
      if (mfa != null) {
        identity.add("tags", mfa ? "mfa:active" : "mfa:inactive");
      }
      String lastUsed = time("password_last_used");
      if (Boolean.TRUE.equals(password) || (root && lastUsed != null)) {
        Entity p = credential(arn, "#password", "password", "console password of " + user);
        p.set("status", "active");
        p.set("created_at", time("password_last_changed"));
        p.set("expires_at", time("password_next_rotation"));
        p.set("last_used_at", lastUsed);
      }
      for (int n = 1; n <= 2; n++) {
        slot(arn, user, "access_key_" + n, "#access-key-" + n, "access_key", "access key " + n,
            "access_key_" + n + "_last_used_date");
        slot(arn, user, "cert_" + n, "#signing-certificate-" + n, "certificate", "signing certificate " + n, null);
      }
    }

    /**
     * An access key or certificate slot: a credential when the report shows one there (active, or a
     * creation date); an inactive one is {@code revoked} (it cannot sign until someone activates it).
     */
    private void slot(Arn arn, String user, String prefix, String suffix, String kind, String what, String usedColumn) {
      Boolean active = bool(prefix + "_active");
      String rotated = time(prefix + "_last_rotated");
      if (!Boolean.TRUE.equals(active) && rotated == null) {
        return;
      }
      Entity c = credential(arn, suffix, kind, what + " of " + user);
      c.set("status", Boolean.TRUE.equals(active) ? "active" : "revoked");
      c.set("created_at", rotated);
      if (usedColumn != null) {
        c.set("last_used_at", time(usedColumn));
      }
    }

    private Entity credential(Arn arn, String suffix, String kind, String name) {
      Entity c = out.listed(Label.CREDENTIAL, arn.text() + suffix, kind, name, where.at(line, 0));
      c.set("authenticates_as", arn.text());
      return c;
    }

    private int column(String name) {
      Integer i = columns.get(name);
      return i == null ? 0 : i + 1;
    }

    /** The cell, or null when the column is absent or the value unknown ({@code N/A}, …). */
    private String cell(String name) {
      Integer i = columns.get(name);
      if (i == null || i >= record.size()) {
        return null;
      }
      String v = record.get(i).strip();
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "", "n/a", "no_information", "not_supported" -> null;
        default -> v;
      };
    }

    private Boolean bool(String name) {
      String v = cell(name);
      if (v == null) {
        return null;
      }
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> {
          problems.error(Problems.TOP, where.at(line, column(name)), "'" + name + "' must be true, false or N/A, got '" + v + "'");
          yield null;
        }
      };
    }

    private String time(String name) {
      String v = cell(name);
      if (v == null) {
        return null;
      }
      return AwsTime.parse(v).orElseGet(() -> {
        problems.error(Problems.TOP, where.at(line, column(name)), "'" + name + "' must be a date and time"
            + " (2019-05-07T15:35:55+00:00) or N/A, got '" + v + "'");
        return null;
      });
    }
  }
}
