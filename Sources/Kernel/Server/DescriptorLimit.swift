#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open file descriptors (`RLIMIT_NOFILE`, the soft limit that
/// `ulimit -n` and systemd's `LimitNOFILE=` set): every connection, database file and
/// socket counts against it.
enum DescriptorLimit {
    /// The soft limit now, or 1024 (the usual default) if it cannot be read. A limit
    /// too large to matter (or none) counts as `Int.max`.
    static var current: Int {
        var limit = rlimit()
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        // `RLIM_INFINITY` is the largest value, so it lands here too.
        return limit.rlim_cur >= rlim_t(Int.max) ? Int.max : Int(limit.rlim_cur)
    }
}
