package dev.lakehouse.bench.vector;

import java.util.PriorityQueue;

/** The k best (id, score) pairs seen, higher score first. */
final class TopK {

    private record Entry(int id, float score) {
    }

    private final int k;
    private final PriorityQueue<Entry> heap;

    TopK(int k) {
        this.k = k;
        this.heap = new PriorityQueue<>(k + 1, (a, b) -> Float.compare(a.score, b.score));
    }

    void offer(int id, float score) {
        if (heap.size() < k) {
            heap.add(new Entry(id, score));
        } else if (score > heap.peek().score) {
            heap.poll();
            heap.add(new Entry(id, score));
        }
    }

    int[] idsBestFirst() {
        int[] ids = new int[heap.size()];
        for (int i = ids.length - 1; i >= 0; i--) {
            ids[i] = heap.poll().id;
        }
        return ids;
    }
}
