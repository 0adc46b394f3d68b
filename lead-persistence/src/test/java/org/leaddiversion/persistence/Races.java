/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.leaddiversion.domain.common.ConcurrentUpdateException;

/** Writers released at the same instant, for the concurrency tests of every contract. */
final class Races {

    private Races() {
    }

    /** Runs {@code writers} tasks released at once; their results in task order. */
    static <T> List<T> race(int writers, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            var go = new CountDownLatch(1);
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < writers; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            var out = new ArrayList<T>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs {@code writers} writes released at once; each either commits or is refused as a concurrent update. Returns
     * how many committed (any other exception fails the test).
     */
    static long committed(int writers, IntConsumer write) throws Exception {
        return race(writers, k -> () -> {
            try {
                write.accept(k);
                return true;
            } catch (ConcurrentUpdateException e) {
                return false;
            }
        }).stream().filter(Boolean::booleanValue).count();
    }
}
