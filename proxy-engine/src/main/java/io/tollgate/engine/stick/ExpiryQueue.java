package io.tollgate.engine.stick;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * A table's entries ordered by expiry, oldest first: what {@code purge} walks to remove the
 * expired and what eviction walks to find the oldest (HAProxy's {@code exps} tree).
 *
 * <p>As in HAProxy, an update does not move its entry here; it only pushes the entry's expiry.
 * A walk that meets an entry whose expiry no longer matches its place puts it back where it
 * now belongs and goes on, so the hot path never touches this structure. Walks skip referenced
 * entries and leave them in place.
 *
 * <p>Several threads may walk at once. Only the thread that removes a slot may put the entry
 * back; after putting it back it checks the entry is still live, and takes the slot out again
 * if the entry was removed from the table meanwhile, so no dead entry stays queued.
 */
final class ExpiryQueue {
    /** A place in the queue: the expiry it was queued at, then the entry's id to keep places unique. */
    record Slot(long at, long id) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(id, other.id);
        }
    }

    private final ConcurrentSkipListMap<Slot, Entry> slots = new ConcurrentSkipListMap<>();

    void add(Entry entry) {
        Slot slot = new Slot(entry.expiresAt(), entry.id());
        entry.slot = slot;
        slots.put(slot, entry);
        if (!entry.isLive()) {
            slots.remove(slot, entry);
        }
    }

    void remove(Entry entry) {
        Slot slot = entry.slot;
        if (slot != null) {
            slots.remove(slot, entry);
        }
    }

    /**
     * Removes up to {@code batch} of the oldest unreferenced entries through {@code kill},
     * looking at no more than {@code searchLimit} places, so that a table full of referenced
     * entries costs a bounded walk. Returns how many were removed.
     */
    int evict(int batch, int searchLimit, Predicate<Entry> kill) {
        int evicted = 0;
        int visited = 0;
        for (Map.Entry<Slot, Entry> place : slots.entrySet()) {
            if (evicted >= batch || visited++ >= searchLimit) {
                break;
            }
            Entry entry = place.getValue();
            if (entry.refs() != 0 || !entry.isLive()) {
                continue;
            }
            if (entry.expiresAt() != place.getKey().at()) {
                requeue(place.getKey(), entry);
            } else if (kill.test(entry)) {
                evicted++;
            }
        }
        return evicted;
    }

    /** Removes, through {@code kill}, the unreferenced entries expired at {@code now}; returns how many. */
    int purge(long now, Predicate<Entry> kill) {
        int purged = 0;
        for (Map.Entry<Slot, Entry> place : slots.headMap(new Slot(now, Long.MAX_VALUE), true).entrySet()) {
            Entry entry = place.getValue();
            if (entry.refs() != 0 || !entry.isLive()) {
                continue;
            }
            if (entry.expiresAt() != place.getKey().at()) {
                requeue(place.getKey(), entry);
            } else if (kill.test(entry)) {
                purged++;
            }
        }
        return purged;
    }

    int size() {
        return slots.size();
    }

    private void requeue(Slot old, Entry entry) {
        if (slots.remove(old, entry)) {
            add(entry);
        }
    }
}
