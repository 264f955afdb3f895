package io.blastgate.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Reading request bodies within their size limits. The guard already refused a declared {@code
 * Content-Length} over the limit; these methods also stop a body without one (chunked) as soon as the
 * bytes read cross the limit, so no body is ever held whole beyond it. Handlers read bodies only here.
 */
public final class Bodies {
  private static final String JSON = "application/json";

  private final ObjectMapper json;
  private final HttpSettings settings;
  private final Spool spool;

  Bodies(ObjectMapper json, HttpSettings settings, Spool spool) {
    this.json = json;
    this.settings = settings;
    this.spool = spool;
  }

  /**
   * A JSON body as {@code type}, at most {@code BLASTGATE_MAX_BODY_BYTES}: 415 for another content
   * type, 413 over the limit, 400 (with the JSON pointer of the problem) for a body that does not parse
   * or does not fit the type.
   */
  public <T> T readJson(Context ctx, Class<T> type) {
    requireMediaType(ctx, Set.of(JSON));
    long limit = settings.maxBodyBytes();
    try (InputStream in = new LimitedInputStream(ctx.req().getInputStream(), limit)) {
      return json.readValue(in, type);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  /**
   * A text body of one of the {@code accepted} media types (415 otherwise), at most {@code
   * BLASTGATE_MAX_BODY_BYTES} (413 over it), which must be UTF-8 (400 otherwise).
   */
  public String readText(Context ctx, Set<String> accepted) {
    requireMediaType(ctx, accepted);
    try (InputStream in = new LimitedInputStream(ctx.req().getInputStream(), settings.maxBodyBytes())) {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw ProblemException.badRequest("the body is not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  /**
   * Streams an upload to a file of the {@link Spool} (private to the service's user), at most {@code
   * BLASTGATE_MAX_UPLOAD_BYTES}, after checking its media type against {@code accepted} (415
   * otherwise). The file carries the suffix of its type ({@code .json}, {@code .zip}); close the upload
   * to delete it. Over the limit, the partial file is deleted and the answer is 413.
   */
  public SpooledUpload spoolUpload(Context ctx, Set<String> accepted) {
    String mediaType = requireMediaType(ctx, accepted);
    long limit = settings.maxUploadBytes();
    Path file = null;
    try {
      file = spool.newFile(suffix(mediaType));
      long bytes;
      try (InputStream in = new LimitedInputStream(ctx.req().getInputStream(), limit);
          OutputStream out = Files.newOutputStream(file)) {
        bytes = in.transferTo(out);
      }
      return new SpooledUpload(file, bytes, mediaType);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot spool the upload", io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The body's media type (lower case, without parameters), which must be one of {@code accepted}. */
  public static String requireMediaType(Context ctx, Set<String> accepted) {
    String header = ctx.contentType();
    String mediaType =
        header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!accepted.contains(mediaType)) {
      throw ProblemException.unsupportedMediaType(
          "the body must be " + String.join(" or ", accepted.stream().sorted().toList())
              + (mediaType.isEmpty() ? "; no Content-Type was given" : ", not " + mediaType));
    }
    return mediaType;
  }

  static String tooLargeDetail(long limit) {
    return limit < 0
        ? "the request body is larger than its limit"
        : "the request body is larger than the limit of " + limit + " bytes";
  }

  /** Where and what, in terms of the document: never Jackson's own message, which names Java types. */
  private static String describe(JsonProcessingException e) {
    if (e instanceof JsonParseException p && p.getLocation() != null) {
      return "the body is not valid JSON (line " + p.getLocation().getLineNr() + ", column "
          + p.getLocation().getColumnNr() + ")";
    }
    String at = e instanceof JsonMappingException m ? pointer(m) : "";
    String where = at.isEmpty() ? "the body" : "at " + at;
    return switch (e) {
      case UnrecognizedPropertyException u -> where + ": unknown field '" + u.getPropertyName() + "'";
      case InvalidFormatException f -> where + ": the value has the wrong format";
      case MismatchedInputException m -> where + ": missing, null or of the wrong type";
      default -> where + ": not what this operation expects";
    };
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      out.append('/');
      if (ref.getFieldName() != null) {
        out.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        out.append(ref.getIndex());
      }
    }
    return out.toString();
  }

  private static String suffix(String mediaType) {
    return switch (mediaType) {
      case JSON -> ".json";
      case "application/zip" -> ".zip";
      default -> ".upload";
    };
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless; the error that brought us here matters more
      }
    }
  }
}
