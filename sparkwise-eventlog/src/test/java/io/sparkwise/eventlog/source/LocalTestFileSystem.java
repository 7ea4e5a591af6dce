package io.sparkwise.eventlog.source;

import org.apache.hadoop.fs.RawLocalFileSystem;

import java.net.URI;

/** Hadoop's local file system under the scheme "testfs", to test reading through Hadoop's API. */
public class LocalTestFileSystem extends RawLocalFileSystem {

    @Override
    public URI getUri() {
        return URI.create("testfs:///");
    }

    @Override
    public String getScheme() {
        return "testfs";
    }
}
