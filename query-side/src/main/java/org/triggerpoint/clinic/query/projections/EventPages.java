package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The event store's rows as the view processors read them, page by page, each page read once for all of them. The
 * three processors read the same pages in the same order (a page starts after the token of the previous page's last
 * event), so the first to ask for a page reads it and the others take it from here, each turning the rows into
 * messages with its own serializer. Live, every commit woke each processor to read the store on its own (about ten
 * queries per event stored); in a rebuild each read every event itself.
 * <p>
 * A page is only handed to a reader that asks for the store as it stood at or after the announcement it has heard of
 * ({@link NewEvents#signals()}): a page read before that announcement may miss the events it announced.
 */
public class EventPages {

    private final Reader reader;
    private final NewEvents newEvents;
    private final int pagesKept;
    /** Keyed by the token a page starts after (null: the first page); least recently used first. */
    private final Map<TrackingToken, Page> pages;

    /**
     * @param storage   how the store is read; its batch size is the page size
     * @param pagesKept how many pages are kept for readers that come later (the most recently used ones)
     */
    public EventPages(JdbcEventStorageEngine.Builder storage, NewEvents newEvents, int pagesKept) {
        this.reader = new Reader(storage);
        this.newEvents = newEvents;
        this.pagesKept = pagesKept;
        this.pages = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The most events a page holds; a page with fewer was all the store had after its token when it was read. */
    public int pageSize() {
        return reader.batchSize();
    }

    /**
     * The events stored after {@code token} (null: from the first), at most a page of them, as the store stood at or
     * after the announcement numbered {@code signal}.
     */
    public List<? extends TrackedEventData<?>> after(TrackingToken token, long signal) {
        while (true) {
            Page page;
            boolean mine = false;
            synchronized (pages) {
                page = pages.get(token);
                if (page == null || page.readAtSignal() < signal || page.events().isCompletedExceptionally()) {
                    // Read before the announcement: the newer reading replaces it for everyone after.
                    page = new Page(newEvents.signals(), new CompletableFuture<>());
                    pages.put(token, page);
                    mine = true;
                    evictBeyond(pagesKept);
                }
            }
            if (mine) {
                return read(token, page);
            }
            try {
                return page.events().join();
            } catch (CompletionException failedForAnother) {
                // The reader that read it failed and said so; read again rather than fail for it.
                synchronized (pages) {
                    pages.remove(token, page);
                }
            }
        }
    }

    private List<? extends TrackedEventData<?>> read(TrackingToken token, Page page) {
        try {
            List<? extends TrackedEventData<?>> events = reader.page(token);
            page.events().complete(events);
            return events;
        } catch (RuntimeException | Error failed) {
            page.events().completeExceptionally(failed);
            synchronized (pages) {
                pages.remove(token, page);
            }
            throw failed;
        }
    }

    private void evictBeyond(int kept) {
        var oldestFirst = pages.entrySet().iterator();
        while (pages.size() > kept && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    /** A page as read when the announcements had reached {@code readAtSignal}; completes once it is read. */
    private record Page(long readAtSignal, CompletableFuture<List<? extends TrackedEventData<?>>> events) {
    }

    /** Axon's JDBC engine, asked for one page of rows at a time, unconverted. */
    private static final class Reader extends JdbcEventStorageEngine {

        private Reader(JdbcEventStorageEngine.Builder builder) {
            super(builder);
        }

        List<? extends TrackedEventData<?>> page(TrackingToken after) {
            return fetchTrackedEvents(after, batchSize());
        }
    }
}
