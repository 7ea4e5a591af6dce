package io.sparkwise.eventlog.source;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hadoop file systems (hdfs://, s3a://, gs://, abfs://, ...) through
 * {@code org.apache.hadoop.fs.FileSystem}, called by reflection: Hadoop is a large optional
 * dependency, present only when the user puts its client jars on the classpath.
 */
final class HadoopFileTree implements FileTree {

    static final String FILE_SYSTEM_CLASS = "org.apache.hadoop.fs.FileSystem";

    private final Object fileSystem;
    private final Class<?> pathClass;
    private final Method getFileStatus;
    private final Method listStatus;
    private final Method open;
    private final Method isDirectory;
    private final Method getLen;
    private final Method getPath;
    private final Method getName;
    private final Method getModificationTime;

    private HadoopFileTree(ClassLoader loader, String uri) throws ReflectiveOperationException {
        Class<?> configurationClass = Class.forName("org.apache.hadoop.conf.Configuration", true, loader);
        Class<?> fileSystemClass = Class.forName(FILE_SYSTEM_CLASS, true, loader);
        Class<?> fileStatusClass = Class.forName("org.apache.hadoop.fs.FileStatus", true, loader);
        pathClass = Class.forName("org.apache.hadoop.fs.Path", true, loader);
        Object configuration = configurationClass.getConstructor().newInstance();
        fileSystem = pathClass.getMethod("getFileSystem", configurationClass).invoke(path(uri), configuration);
        getFileStatus = fileSystemClass.getMethod("getFileStatus", pathClass);
        listStatus = fileSystemClass.getMethod("listStatus", pathClass);
        open = fileSystemClass.getMethod("open", pathClass);
        isDirectory = fileStatusClass.getMethod("isDirectory");
        getLen = fileStatusClass.getMethod("getLen");
        getPath = fileStatusClass.getMethod("getPath");
        getName = pathClass.getMethod("getName");
        getModificationTime = fileStatusClass.getMethod("getModificationTime");
    }

    /** A tree for {@code uri}, or a USAGE error when Hadoop's client jars are not on the classpath. */
    static FileTree forUri(String uri) {
        ClassLoader loader = classLoader();
        try {
            Class.forName(FILE_SYSTEM_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            String scheme = uri.substring(0, uri.indexOf(':'));
            throw new SparkwiseException(ErrorCode.USAGE, uri + ": reading " + scheme + ":// paths needs Hadoop's "
                    + "client jars on the classpath (set SPARKWISE_CLASSPATH to the output of 'hadoop classpath')");
        }
        try {
            return new HadoopFileTree(loader, uri);
        } catch (InvocationTargetException e) {
            throw failure(uri, e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SparkwiseException(ErrorCode.USAGE, uri + ": cannot use Hadoop's FileSystem: " + e, e);
        }
    }

    @Override
    public Optional<Entry> stat(String uri) {
        try {
            return Optional.of(entry(call(getFileStatus, path(uri))));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException | ReflectiveOperationException e) {
            throw failure(uri, e);
        }
    }

    @Override
    public boolean readable(Entry entry) {
        // Hadoop has no cheap portable check; permission errors surface on list or open.
        return true;
    }

    @Override
    public List<Entry> list(Entry directory) {
        try {
            Object statuses = call(listStatus, path(directory.path()));
            List<Entry> children = new ArrayList<>();
            for (int i = 0; i < Array.getLength(statuses); i++) {
                children.add(entry(Array.get(statuses, i)));
            }
            return children;
        } catch (IOException | ReflectiveOperationException e) {
            throw failure(directory.path(), e);
        }
    }

    @Override
    public InputStream open(Entry file) throws IOException {
        try {
            return (InputStream) call(open, path(file.path()));
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot open " + file.path() + " with Hadoop's FileSystem: " + e, e);
        }
    }

    private Entry entry(Object status) throws ReflectiveOperationException {
        Object path = getPath.invoke(status);
        boolean directory = (Boolean) isDirectory.invoke(status);
        long size = directory ? -1 : (Long) getLen.invoke(status);
        long modified = (Long) getModificationTime.invoke(status);
        return new Entry(path.toString(), (String) getName.invoke(path), directory, size, modified > 0 ? modified : -1);
    }

    private Object path(String uri) throws ReflectiveOperationException {
        return pathClass.getConstructor(String.class).newInstance(uri);
    }

    /** Calls a FileSystem method, rethrowing the IOException it threw as itself. */
    private Object call(Method method, Object path) throws IOException, ReflectiveOperationException {
        try {
            return method.invoke(fileSystem, path);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static SparkwiseException failure(String uri, Throwable e) {
        Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        return new SparkwiseException(ErrorCode.READ_FAILED, "cannot read " + uri + ": " + cause.getMessage(), cause);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : HadoopFileTree.class.getClassLoader();
    }
}
