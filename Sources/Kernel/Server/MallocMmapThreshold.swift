#if canImport(Glibc)
import Glibc
#endif

/// Makes glibc's `malloc` give large blocks (request bodies, their copies) back to the
/// system as soon as they are freed.
///
/// glibc serves a large allocation with its own `mmap` and returns it with `munmap`
/// when freed, but only above a threshold that it raises by itself: once a 4 MiB
/// block has been freed, the next ones come from the heap, and a heap only shrinks
/// from its top. After a burst of large host reports the hub then kept hundreds of MB
/// it no longer used (measured with `Benchmarks/body_memory.py`: 542 MB still held
/// after 96 reports of 4 MiB, 120 MB with the threshold fixed). Setting the threshold
/// explicitly turns that adjustment off. Small allocations, the everyday ones, are not
/// affected.
///
/// `mallopt` is not part of the Swift `Glibc` module, so it is looked up by name; on
/// other systems (and if it is missing) nothing happens.
enum MallocMmapThreshold {
    /// `M_MMAP_THRESHOLD` in glibc's `<malloc.h>`.
    private static let option: Int32 = -3

    /// Fixes the threshold at `bytes`; `true` if glibc accepted it.
    @discardableResult
    static func fix(at bytes: Int32) -> Bool {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "mallopt") else { return false }
        return unsafeBitCast(symbol, to: Mallopt.self)(option, bytes) == 1
        #else
        return false
        #endif
    }
}
