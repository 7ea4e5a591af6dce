package io.sparkwise.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Scala values out of Spark's listener events without calling a Scala collection method
 * whose descriptor differs between Scala 2.12 and 2.13 (Spark 3.5 ships both). An accessor that
 * returns a {@code Seq} ({@code StageInfo.parentIds}, {@code TaskInfo.accumulables}, ...) is
 * {@code scala.collection.Seq} in 2.12 and {@code scala.collection.immutable.Seq} in 2.13, so a
 * call compiled against one is a {@link NoSuchMethodError} on the other: such accessors are
 * called here by reflection, the {@link Method} looked up once per class and name, and the value
 * walked as {@code scala.collection.Iterable.iterator()} / {@code Iterator.hasNext()/next()},
 * which have the same descriptors in both. Map-valued accessors are read the same way: their
 * declared type changed between Spark versions ({@code environmentDetails} is an immutable
 * {@code Map} in 3.5, a {@code scala.collection.Map} in 4.0).
 */
final class ScalaValues {

    private static final Map<Class<?>, Map<String, Optional<Method>>> ACCESSORS = new ConcurrentHashMap<>();

    private ScalaValues() {
    }

    /** The value of a no-argument accessor, empty when the class has none (an older Spark). */
    static Optional<Object> call(Object target, String accessor) {
        Optional<Method> method = ACCESSORS.computeIfAbsent(target.getClass(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(accessor, name -> find(target.getClass(), name));
        if (method.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(method.get().invoke(target));
        } catch (IllegalAccessException e) {
            return Optional.empty();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(accessor + " failed", e.getCause());
        }
    }

    private static Optional<Method> find(Class<?> type, String name) {
        try {
            return Optional.of(type.getMethod(name));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** The elements of a Scala collection (a Seq, a Set, a Map's (key, value) tuples), in its order. */
    static List<Object> elements(Object scalaIterable) {
        List<Object> out = new ArrayList<>();
        if (scalaIterable == null) {
            return out;
        }
        scala.collection.Iterator<?> it = ((scala.collection.Iterable<?>) scalaIterable).iterator();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /** The elements of the Scala collection an accessor returns; empty when there is no such accessor. */
    static List<Object> elements(Object target, String accessor) {
        return call(target, accessor).map(ScalaValues::elements).orElseGet(List::of);
    }

    /** A Scala {@code Map[String, String]} as an ordered Java map (values by their string form). */
    static Map<String, String> stringMap(Object scalaMap) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Object o : elements(scalaMap)) {
            scala.Tuple2<?, ?> kv = (scala.Tuple2<?, ?>) o;
            if (kv._1() != null && kv._2() != null) {
                out.put(String.valueOf(kv._1()), String.valueOf(kv._2()));
            }
        }
        return out;
    }

    /** A Scala {@code Option}'s value. */
    static Optional<Object> option(scala.Option<?> option) {
        return option == null || option.isEmpty() ? Optional.empty() : Optional.ofNullable(option.get());
    }

    static Optional<String> optionalString(scala.Option<?> option) {
        return option(option).map(String::valueOf);
    }

    static java.util.OptionalLong optionalLong(scala.Option<?> option) {
        Optional<Object> v = option(option);
        return v.isPresent() && v.get() instanceof Number n ? java.util.OptionalLong.of(n.longValue())
                : java.util.OptionalLong.empty();
    }
}
