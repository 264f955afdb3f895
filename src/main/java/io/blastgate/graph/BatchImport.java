package io.blastgate.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;
import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.configuration.Config;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.context.FixedVersionContextSupplier;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.DatabaseCreationOptions;
import org.neo4j.kernel.impl.index.schema.DefaultIndexProvidersAccess;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.LogTailMetadataFactoryImpl;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.logging.internal.SimpleLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.storageengine.api.StorageEngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Neo4j's batch importer, the machinery of {@code neo4j-admin database import full}, on a {@link
 * BulkInput}, as that command wires it ({@code ImportCommand.Full}): the storage engine's batch
 * importer over an empty database folder, with the node label and relationship type lookup indexes
 * that every new database has. Strict: one bad entry fails the import (the input was checked whole
 * before). What the importer prints goes to this class's debug log, its percentage to the caller.
 */
final class BatchImport {
  private static final Logger LOG = LoggerFactory.getLogger(BatchImport.class);

  private BatchImport() {}

  static void run(Config config, FileSystemAbstraction fs, DatabaseLayout layout, BulkInput input,
      IntConsumer percentDone) throws IOException {
    StorageEngineFactory engine = StorageEngineFactory.selectStorageEngine(config);
    var contexts = new CursorContextFactory(PageCacheTracer.NULL, FixedVersionContextSupplier.EMPTY_CONTEXT_SUPPLIER);
    var logs = new SimpleLogService(NullLogProvider.getInstance(), NullLogProvider.getInstance());
    Monitor monitor = new Monitor() {
      @Override
      public void percentageCompleted(int percent) {
        percentDone.accept(percent);
      }
    };
    try (JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler();
        PrintStream printed = new PrintStream(new DebugLines(), true, StandardCharsets.UTF_8)) {
      BatchImporter importer = engine.batchImporter(
          layout, fs, false, PageCacheTracer.NULL, configuration(), logs, printed, false,
          DefaultAdditionalIds.EMPTY, new LogTailMetadataFactoryImpl(fs), config, monitor, scheduler,
          Collector.STRICT, TransactionLogInitializer.getLogFilesInitializer(), new IndexImporterFactoryImpl(),
          EmptyMemoryTracker.INSTANCE, contexts,
          () -> new DefaultIndexProvidersAccess(engine, fs, config, scheduler, logs, PageCacheTracer.NULL, contexts),
          0, null, DatabaseCreationOptions.EMPTY_CREATION_OPTIONS, BatchImporter.HardwareValidation.WARNING);
      importer.doImport(StreamedInput.of(input));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the batch importer failed: " + e.getMessage(), e);
    }
  }

  /** The defaults of {@code neo4j-admin database import full}, with the lookup indexes a new database has. */
  private static Configuration configuration() {
    return new Configuration() {
      @Override
      public IndexConfig indexConfig() {
        return IndexConfig.create().withLabelIndex().withRelationshipTypeIndex();
      }
    };
  }

  /** The importer's printed progress and summary, a line at a time, at debug level. */
  private static final class DebugLines extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      if (b == '\n') {
        flushLine();
      } else {
        line.write(b);
      }
    }

    private void flushLine() {
      String text = line.toString(StandardCharsets.UTF_8).strip();
      line.reset();
      if (!text.isEmpty() && LOG.isDebugEnabled()) {
        LOG.debug("{}", text);
      }
    }

    @Override
    public void close() {
      flushLine();
    }
  }
}
