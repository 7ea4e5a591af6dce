package io.sparkwise.decide.storage.inventory;

import io.sparkwise.decide.storage.StoredObject;

import java.util.List;
import java.util.function.Consumer;

/**
 * A source of stored objects: an S3 Inventory report (CSV or Parquet) or a file-system listing.
 * Objects are streamed, never all held: an inventory can list billions of them.
 */
public interface Inventory {

    /** What was read, for the report's header: "S3 Inventory CSV, 3 files (manifest ...)". */
    String description();

    /** What the analysis must assume because this source does not say (e.g. no storage class in a listing). */
    List<String> assumptions();

    /**
     * Hands every object to {@code sink}, in the source's order.
     *
     * @throws io.sparkwise.model.SparkwiseException {@code MALFORMED_INPUT} naming the file and
     *     line (or row) of a bad record, {@code READ_FAILED} for an I/O error
     */
    void forEach(Consumer<StoredObject> sink);
}
