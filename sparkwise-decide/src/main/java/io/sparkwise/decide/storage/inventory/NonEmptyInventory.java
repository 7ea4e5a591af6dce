package io.sparkwise.decide.storage.inventory;

import io.sparkwise.decide.storage.StoredObject;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Fails an inventory that holds no object once it has been read: a report of zeros and empty
 * tables would look like an answer ("nothing to save") when the input was the wrong file, an
 * empty directory, or a report of delete markers only.
 */
record NonEmptyInventory(Inventory inventory, String location) implements Inventory {

    NonEmptyInventory {
        requireNonNull(inventory, "inventory is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public String description() {
        return inventory.description();
    }

    @Override
    public List<String> assumptions() {
        return inventory.assumptions();
    }

    @Override
    public void forEach(Consumer<StoredObject> sink) {
        long[] objects = {0};
        inventory.forEach(object -> {
            objects[0]++;
            sink.accept(object);
        });
        if (objects[0] == 0) {
            throw new SparkwiseException(ErrorCode.MALFORMED_INPUT,
                    location + ": no objects to analyze (the inventory is empty or lists only delete markers)");
        }
    }
}
