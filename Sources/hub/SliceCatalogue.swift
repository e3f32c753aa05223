import ControllerSlice
import CutoverSlice
import EnrollmentSlice
import HostIngestSlice
import Kernel
import SignedOpsSlice

/// Every slice this build carries: the only place in the hub that names slices. A slice
/// says itself whether it runs by default; `slices.md` records the same.
enum SliceCatalogue {
    static let all: [Slice] = [
        ControllerSlice.slice,
        HostIngestSlice.slice,
        SignedOpsSlice.slice,
        EnrollmentSlice.slice,
        CutoverSlice.slice,
    ]

    static var resolver: SliceResolver { SliceResolver(catalogue: all) }
}
