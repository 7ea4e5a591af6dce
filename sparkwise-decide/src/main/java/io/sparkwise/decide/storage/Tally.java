package io.sparkwise.decide.storage;

/** A count of objects and their bytes, added to as objects stream by. */
public final class Tally {

    private long objects;
    private long bytes;

    void add(long size) {
        objects++;
        bytes += size;
    }

    public long objects() {
        return objects;
    }

    public long bytes() {
        return bytes;
    }
}
