package dev.linkcrawl.backfill;

import dev.linkcrawl.link.LinkId;

/**
 * The link ids already met in one import, to count duplicates. Ids are kept as two {@code long}s in
 * an open-addressing table at most half full (17 bytes a slot, so at most 68 bytes an id and
 * usually about 35, against ~150 for a {@code HashSet<String>}): a million links take 36 MiB. Ids
 * are SHA-256 prefixes, so their first bits are already a uniform hash.
 */
final class SeenLinks {

    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** Adds {@code id}; false when it was already there. */
    boolean add(LinkId id) {
        String hex = id.value();
        long h = Long.parseUnsignedLong(hex, 0, 16, 16);
        long l = Long.parseUnsignedLong(hex, 16, 32, 16);
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        return insert(h, l);
    }

    int size() {
        return size;
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (used[slot]) {
            if (high[slot] == h && low[slot] == l) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        high[slot] = h;
        low[slot] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }
}
