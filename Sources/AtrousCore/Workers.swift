#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The threads the core's parallel loops run on: how many there are, and how work is split.
public enum Workers {
    /// The processors this process may use when first asked (see ``UsableProcessors``), at
    /// least 1: the default number of workers. Read once, because asking reads files.
    public static let active: Int = UsableProcessors.count()

    /// Chunks per worker: small enough that a worker whose core is shared with another
    /// process takes fewer of them while the others take more, large enough that handing
    /// them out costs nothing measurable.
    static var chunksPerWorker: Int { 8 }

    /// Calls `body` on contiguous, disjoint chunks that together cover `0..<count`, on the
    /// calling thread and up to `workers − 1` helper threads at once (never more than
    /// ``active`` in all); returns when every chunk is done.
    ///
    /// Chunks are handed out one at a time to whichever thread is free, so a helper that
    /// starts late, or whose core is shared with another process, does not hold the others
    /// up; the caller never waits for a helper that has not started.
    ///
    /// - Parameters:
    ///   - count: the number of items to split.
    ///   - workers: the number of threads to use; 1 or less runs `body` once on this thread.
    ///   - body: the work on one chunk; chunks run concurrently, so it must only write to
    ///     memory that belongs to its chunk.
    public static func forEachChunk(of count: Int, workers: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let workers = min(max(workers, 1), count, active)
        guard workers > 1 else {
            if count > 0 { body(0..<count) }
            return
        }
        let queue = ChunkQueue(count: count, chunks: min(count, workers * chunksPerWorker))
        WorkerPool.shared.run(helpers: workers - 1) {
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
    private let lock = PthreadMutex()

    init(count: Int, chunks: Int) {
        self.count = count
        self.chunks = chunks
    }

    /// The next chunk, or nil when all have been taken.
    func next() -> Range<Int>? {
        let chunk = lock.withLock {
            defer { nextChunk += 1 }
            return nextChunk
        }
        guard chunk < chunks else { return nil }
        return count * chunk / chunks ..< count * (chunk + 1) / chunks
    }
}

/// Helper threads that wait for work, started once and kept for the life of the process.
///
/// Dispatch's pool on Linux wakes its threads a millisecond or more late on a busy
/// machine, as long as a whole convolution; these threads block on a condition variable
/// and wake as soon as the kernel schedules them.
private final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool(threads: Workers.active - 1)

    private let lock = PthreadMutex()
    private let workPosted = PthreadCondition()
    private let helpersDone = PthreadCondition()
    // All guarded by `lock`.
    /// The job of the current round, nil between rounds.
    private var job: (() -> Void)?
    /// Counts rounds, so that a helper joins each round at most once.
    private var round = 0
    /// Helpers still wanted in this round; 0 once the caller has finished its own share.
    private var openSeats = 0
    /// Helpers that joined this round and have not finished.
    private var running = 0

    private init(threads: Int) {
        for _ in 0..<max(threads, 0) {
            DetachedThread.start { [unowned self] in self.helperLoop() }
        }
    }

    /// Runs `job` on the calling thread and on up to `helpers` helpers that join in time;
    /// returns when every thread that ran it has finished. While another round is in
    /// progress (a call from another thread, or from inside a job), `job` runs on the
    /// caller alone.
    func run(helpers: Int, _ job: () -> Void) {
        withoutActuallyEscaping(job) { job in
            let posted: Bool = lock.withLock {
                guard self.job == nil else { return false }
                self.job = job
                round &+= 1
                openSeats = helpers
                running = 0
                workPosted.broadcast()
                return true
            }
            job()
            guard posted else { return }
            lock.withLock {
                // Helpers that have not joined by now are not waited for.
                openSeats = 0
                while running > 0 { helpersDone.wait(lock) }
                self.job = nil
            }
        }
    }

    /// A helper's life: wait for a round with an open seat, run its job, repeat.
    private func helperLoop() {
        var lastRound = 0
        lock.lock()
        while true {
            while job == nil || round == lastRound || openSeats == 0 { workPosted.wait(lock) }
            lastRound = round
            openSeats -= 1
            running += 1
            let job = self.job
            lock.unlock()
            job?()
            lock.lock()
            running -= 1
            if running == 0 { helpersDone.signal() }
        }
    }
}
