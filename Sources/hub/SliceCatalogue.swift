import ControllerSlice
import HostIngestSlice
import Kernel
import SignedOpsSlice

/// Every slice this build carries, and which run when `HUB_SLICES` is not set. The
/// only place in the hub that names slices; `slices.md` records the same default.
enum SliceCatalogue {
    static let all: [Slice] = [
        ControllerSlice.slice,
        HostIngestSlice.slice,
        SignedOpsSlice.slice,
    ]

    static let defaultNames = ["controller", "host-ingest", "signed-ops"]

    static var resolver: SliceResolver { SliceResolver(catalogue: all, defaultNames: defaultNames) }
}
