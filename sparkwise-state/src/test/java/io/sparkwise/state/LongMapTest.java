package io.sparkwise.state;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LongMapTest {

    @Test
    void putGetRemove_randomOperations_agreeWithHashMap() {
        Random random = new Random(7);
        LongMap<Integer> ours = new LongMap<>();
        Map<Long, Integer> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(5_000) - 2_500;   // dense keys force collisions and chains
            int op = random.nextInt(3);
            if (op == 0) {
                ours.put(key, i);
                reference.put(key, i);
            } else if (op == 1) {
                assertThat(ours.remove(key)).isEqualTo(reference.remove(key) != null);
            } else {
                assertThat(ours.get(key)).isEqualTo(reference.get(key));
            }
        }
        assertThat(ours.size()).isEqualTo(reference.size());
        Map<Long, Integer> copy = new HashMap<>();
        ours.forEach(copy::put);
        assertThat(copy).isEqualTo(reference);
    }
}
