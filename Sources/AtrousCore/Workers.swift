#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// The threads the core's parallel loops run on: how many there are, and how work is split.
public enum Workers {
    /// The processors online now, at least 1: the default number of workers.
    public static var active: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Chunks per worker: small enough that a worker whose core is shared with another
    /// process takes fewer of them while the others take more, large enough that handing
    /// them out costs nothing measurable.
    static var chunksPerWorker: Int { 8 }

    /// Calls `body` on contiguous, disjoint chunks that together cover `0..<count`, on up to
    /// `workers` threads at once; returns when every chunk is done.
    ///
    /// Chunks are handed out one at a time to whichever worker is free, so a worker slowed
    /// by another process on its core does not hold the others up.
    ///
    /// - Parameters:
    ///   - count: the number of items to split.
    ///   - workers: the number of threads to use; 1 or less runs `body` once on this thread.
    ///   - body: the work on one chunk; chunks run concurrently, so it must only write to
    ///     memory that belongs to its chunk.
    static func forEachChunk(of count: Int, workers: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let workers = min(max(workers, 1), count)
        guard workers > 1 else {
            if count > 0 { body(0..<count) }
            return
        }
        let queue = ChunkQueue(count: count, chunks: min(count, workers * chunksPerWorker))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let chunk = queue.next() { body(chunk) }
        }
    }
}

/// The chunks of `0..<count` not yet taken, handed out in order under a lock.
private final class ChunkQueue: @unchecked Sendable {
    private let count: Int
    private let chunks: Int
    /// The next chunk to hand out; guarded by `lock`.
    private var nextChunk = 0
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(count: Int, chunks: Int) {
        self.count = count
        self.chunks = chunks
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// The next chunk, or nil when all have been taken.
    func next() -> Range<Int>? {
        pthread_mutex_lock(lock)
        let chunk = nextChunk
        nextChunk += 1
        pthread_mutex_unlock(lock)
        guard chunk < chunks else { return nil }
        return count * chunk / chunks ..< count * (chunk + 1) / chunks
    }
}
